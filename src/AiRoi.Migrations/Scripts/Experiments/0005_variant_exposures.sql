-- Subjects first exposed, per experiment and variant, kept by triggers on experiments.exposures so that results
-- read a few rows whatever the number of exposures (counting ten million exposures takes seconds). The triggers see
-- the rows actually inserted or replaced, so concurrent consumers cannot make the count drift from the table.
create table experiments.variant_exposures (
    experiment_id text   not null,
    variant       text   not null,
    subjects      bigint not null,
    primary key (experiment_id, variant)
);

insert into experiments.variant_exposures (experiment_id, variant, subjects)
select experiment_id, variant, count(*) from experiments.exposures group by experiment_id, variant;

-- Statement-level triggers with transition tables: one upsert per (experiment, variant) of a statement, however
-- many rows it wrote (a row-level trigger would update the same counter row once per exposure).
create function experiments.count_inserted_exposures() returns trigger language plpgsql as $$
begin
    insert into experiments.variant_exposures as counted (experiment_id, variant, subjects)
    select experiment_id, variant, count(*) from inserted group by experiment_id, variant
    on conflict (experiment_id, variant) do update set subjects = counted.subjects + excluded.subjects;
    return null;
end;
$$;

-- A first exposure replaced by an earlier event of the subject in another variant moves one subject between variants.
create function experiments.count_moved_exposures() returns trigger language plpgsql as $$
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
    on conflict (experiment_id, variant) do update set subjects = counted.subjects + excluded.subjects;
    return null;
end;
$$;

create trigger exposures_inserted after insert on experiments.exposures
    referencing new table as inserted for each statement execute function experiments.count_inserted_exposures();
create trigger exposures_moved after update on experiments.exposures
    referencing old table as moved_from new table as moved_to for each statement execute function experiments.count_moved_exposures();
