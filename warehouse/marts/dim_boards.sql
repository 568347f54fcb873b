-- dim_boards: one row per board a source is fetched for, in our spelling (text-to-video,
-- image-to-video, video-edit), with its display order and the sources that serve it, from
-- warehouse/seeds/source_boards.csv (the list the spiders and parsers read). A board only parsed,
-- never fetched (AA's text-to-image sample), is left out.
select
    board,
    min(board_order) as board_order,
    string_agg(source, ', ' order by source) as sources,
    string_agg(source || ': ' || source_board, '; ' order by source) as source_boards
from stg.stg_curated__source_boards
where fetched
group by board
