-- The exposure counters are updated in key order, as the consumer now writes every table in key order: two
-- transactions touching the same experiment's counters (competing consumers, several experiment services) then
-- take their row locks in the same order and wait for each other instead of deadlocking.
create or replace function experiments.count_inserted_exposures() returns trigger language plpgsql as $$
begin
    insert into experiments.variant_exposures as counted (experiment_id, variant, subjects)
    select experiment_id, variant, count(*) from inserted group by experiment_id, variant order by experiment_id, variant
    on conflict (experiment_id, variant) do update set subjects = counted.subjects + excluded.subjects;
    return null;
end;
$$;

create or replace function experiments.count_moved_exposures() returns trigger language plpgsql as $$
begin
    insert into experiments.variant_exposures as counted (experiment_id, variant, subjects)
    select experiment_id, variant, sum(delta)
      from (select o.experiment_id, o.variant, -1 as delta
              from moved_from o join moved_to n on n.experiment_id = o.experiment_id and n.subject_id = o.subject_id
             where n.variant <> o.variant
            union all
            select n.experiment_id, n.variant, 1
              from moved_from o join moved_to n on n.experiment_id = o.experiment_id and n.subject_id = o.subject_id
             where n.variant <> o.variant) as moves
     group by experiment_id, variant
     order by experiment_id, variant
    on conflict (experiment_id, variant) do update set subjects = counted.subjects + excluded.subjects;
    return null;
end;
$$;
