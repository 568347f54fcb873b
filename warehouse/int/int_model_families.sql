-- int_model_families: ordered regular expressions (project-authored seed) that map a model name as
-- written by a leaderboard to its family and lab; the lowest priority number that matches wins.
-- is_open_weights is set only where a cited release says so; otherwise NULL (unknown).
select
    cast(priority as integer) as priority,
    pattern,
    family,
    lab_id,
    try_cast(nullif(is_open_weights, '') as boolean) as is_open_weights,
    nullif(notes, '') as notes
from raw.raw_curated__model_families
