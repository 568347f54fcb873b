"""An S3-compatible bucket on 127.0.0.1 (moto's server mode) for the tests of stores behind a URL."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, monkeypatch, request):
    import s3fs

    for key, value in {
        "VIDEORACE_S3_ENDPOINT_URL": s3_endpoint,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(key, value)
    name = "snap-" + request.node.name.replace("_", "-")[:40].lower()
    s3fs.S3FileSystem(endpoint_url=s3_endpoint).mkdir(name)
    return f"s3://{name}/snapshots"
