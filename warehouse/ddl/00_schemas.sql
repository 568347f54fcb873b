-- Schemas by layer: raw (faithful copies + provenance), stg (resolved views), marts (facts and
-- dimensions), out (the published measures).
CREATE SCHEMA IF NOT EXISTS raw;
CREATE SCHEMA IF NOT EXISTS stg;
CREATE SCHEMA IF NOT EXISTS marts;
CREATE SCHEMA IF NOT EXISTS out;
