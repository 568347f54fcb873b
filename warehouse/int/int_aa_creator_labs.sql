-- int_aa_creator_labs: Artificial Analysis creator spellings that the arena.ai alias table
-- (int_lab_aliases) does not know, mapped to a lab in dim_labs. Project-authored mapping: each
-- pair names the same company (AA's creator page and the lab's own site), nothing is guessed
-- beyond that. Creators without a lab in dim_labs (Baidu, Skywork AI, NVIDIA, Krea, ...) are left
-- out on purpose: their lab stays NULL and only AA's own country claim is available for them.
select alias_key, lab_id
from (values
    ('bytedance seed', 'bytedance'),  -- Seedance: ByteDance's Seed team
    ('vidu', 'shengshu'),             -- Vidu is Shengshu Technology's model line
    ('luma labs', 'luma'),            -- Luma AI (Luma Labs, Inc.)
    ('pika art', 'pika'),             -- pika.art, Pika Labs
    ('pruna ai', 'pruna'),
    ('z ai', 'zhipu')                 -- Z.ai is Zhipu AI's international brand
) as t(alias_key, lab_id)
union all
select alias_key, lab_id from int.int_lab_aliases
where alias_key not in ('bytedance seed', 'vidu', 'luma labs', 'pika art', 'pruna ai', 'z ai')
