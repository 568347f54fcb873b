-- int_model_families: ordered regular expressions (project-authored seed) that map a model name as
-- written by a leaderboard to its family and lab; the lowest priority number that matches wins.
-- is_open_weights is set only where a cited release says so; otherwise NULL (unknown).
select
    priority,
    pattern,
    family,
    lab_id,
    is_open_weights,
    notes
from stg.stg_curated__model_families
