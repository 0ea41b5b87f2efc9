-- data_sources: the active import batches behind the figures, newest first: which file,
-- which dataset, which periods, when and by whom.

with final as (
    select batch_id, dataset, file_name, row_count, periods, imported_by, imported_at
    from import_batches
    where status = 'active'
    order by batch_id desc
)

select * from final
