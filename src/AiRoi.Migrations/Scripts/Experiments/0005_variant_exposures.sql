-- Subjects first exposed, per experiment and variant, kept by a trigger on experiments.exposures so that results
-- read a few rows whatever the number of exposures (counting ten million exposures takes seconds). The trigger sees
-- the row actually inserted or replaced, so concurrent consumers cannot make the count drift from the table.
create table experiments.variant_exposures (
    experiment_id text   not null,
    variant       text   not null,
    subjects      bigint not null,
    primary key (experiment_id, variant)
);

insert into experiments.variant_exposures (experiment_id, variant, subjects)
select experiment_id, variant, count(*) from experiments.exposures group by experiment_id, variant;

create function experiments.count_exposure() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if old.variant = new.variant and old.experiment_id = new.experiment_id then
            return null;
        end if;
        update experiments.variant_exposures set subjects = subjects - 1
         where experiment_id = old.experiment_id and variant = old.variant;
    end if;
    insert into experiments.variant_exposures as counted (experiment_id, variant, subjects) values (new.experiment_id, new.variant, 1)
    on conflict (experiment_id, variant) do update set subjects = counted.subjects + 1;
    return null;
end;
$$;

create trigger exposures_counted after insert or update on experiments.exposures
    for each row execute function experiments.count_exposure();
