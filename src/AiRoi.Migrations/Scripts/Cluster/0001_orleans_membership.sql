-- Cluster membership for Orleans' ADO.NET clustering provider (Microsoft.Orleans.Clustering.AdoNet), which ships
-- no SQL. Silos write themselves here and watch each other through it; clients (the ingestion nodes) read the
-- gateways from it. ADR-0037 says why this lives in its own database.
--
-- The provider's contract, which this script keeps:
--   * it reads its statements from a table named OrleansQuery (QueryKey, QueryText) and runs nothing else;
--   * it binds parameters by name (@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
--     @ProxyPort, @SuspectTimes, @StartTime, @IAmAliveTime, @Version) and reads result columns by name
--     (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, SuspectTimes, StartTime,
--     IAmAliveTime, Version; row_count from the writes);
--   * a conditional write answers 1 when it happened and 0 when it did not (then nothing of it may remain);
--   * every write to a member row moves the table's version on, and only from the version the silo read, so two
--     silos cannot both win a change to the membership (optimistic concurrency on one row per cluster).
-- Tables and columns below are ours; the queries alias them to the names the provider reads.

-- One row per cluster (Orleans' "deployment", AiRoi's cluster id): the version every membership change moves on.
create table membership_versions (
    deployment_id text        primary key,
    changed_at    timestamptz not null default now(),
    version       integer     not null default 0
);

-- One row per silo incarnation: its address, port and generation (its start), status and liveness.
create table members (
    deployment_id   text        not null references membership_versions (deployment_id),
    address         varchar(45) not null,
    port            integer     not null,
    generation      integer     not null,
    silo_name       text        not null,
    host_name       text        not null,
    status          integer     not null,
    gateway_port    integer,
    suspect_times   text,
    started_at      timestamptz not null,
    i_am_alive_at   timestamptz not null,
    primary key (deployment_id, address, port, generation)
);

-- The statements the provider runs, by its keys.
create table OrleansQuery (
    QueryKey  varchar(64) primary key,
    QueryText text        not null
);

-- A new member, written only if the version is still the one the silo read; otherwise nothing is written.
create function insert_member(
    deployment_arg text, address_arg text, port_arg integer, generation_arg integer, silo_name_arg text,
    host_name_arg text, status_arg integer, gateway_port_arg integer, started_at_arg timestamptz,
    i_am_alive_at_arg timestamptz, version_arg integer)
returns table (row_count integer) language plpgsql as $$
begin
    begin
        insert into members (deployment_id, address, port, generation, silo_name, host_name, status, gateway_port,
                             started_at, i_am_alive_at)
        values (deployment_arg, address_arg, port_arg, generation_arg, silo_name_arg, host_name_arg, status_arg,
                gateway_port_arg, started_at_arg, i_am_alive_at_arg)
        on conflict do nothing;
        if not found then
            return query select 0;
            return;
        end if;
        update membership_versions set version = version + 1, changed_at = now()
         where deployment_id = deployment_arg and version = version_arg;
        if not found then
            raise exception 'membership version moved on' using errcode = 'AR001';
        end if;
        return query select 1;
    exception when sqlstate 'AR001' then
        -- The block's insert is undone with it.
        return query select 0;
    end;
end
$$;

-- A member's status and suspicions, changed only if the version is still the one the silo read.
create function update_member(
    deployment_arg text, address_arg text, port_arg integer, generation_arg integer, status_arg integer,
    suspect_times_arg text, i_am_alive_at_arg timestamptz, version_arg integer)
returns table (row_count integer) language plpgsql as $$
begin
    begin
        update membership_versions set version = version + 1, changed_at = now()
         where deployment_id = deployment_arg and version = version_arg;
        if not found then
            return query select 0;
            return;
        end if;
        update members set status = status_arg, suspect_times = suspect_times_arg, i_am_alive_at = i_am_alive_at_arg
         where deployment_id = deployment_arg and address = address_arg and port = port_arg
           and generation = generation_arg;
        if not found then
            raise exception 'no such member' using errcode = 'AR001';
        end if;
        return query select 1;
    exception when sqlstate 'AR001' then
        -- The version's move is undone with it.
        return query select 0;
    end;
end
$$;

insert into OrleansQuery (QueryKey, QueryText) values
-- Answers one row, 1 when the cluster's row was created now and 0 when it was there already.
('InsertMembershipVersionKey', '
    with created as (
        insert into membership_versions (deployment_id) values (@DeploymentId)
        on conflict do nothing
        returning 1)
    select count(*)::integer as row_count from created;
'),
('InsertMembershipKey', '
    select row_count from insert_member(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
        @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version);
'),
('UpdateMembershipKey', '
    select row_count from update_member(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
        @IAmAliveTime, @Version);
'),
('UpdateIAmAlivetimeKey', '
    update members set i_am_alive_at = @IAmAliveTime
     where deployment_id = @DeploymentId and address = @Address and port = @Port and generation = @Generation;
'),
('MembershipReadRowKey', '
    select v.deployment_id as DeploymentId, m.address as Address, m.port as Port, m.generation as Generation,
           m.silo_name as SiloName, m.host_name as HostName, m.status as Status, m.gateway_port as ProxyPort,
           m.suspect_times as SuspectTimes, m.started_at as StartTime, m.i_am_alive_at as IAmAliveTime,
           v.version as Version
      from membership_versions v
      left join members m on m.deployment_id = v.deployment_id
            and m.address = @Address and m.port = @Port and m.generation = @Generation
     where v.deployment_id = @DeploymentId;
'),
('MembershipReadAllKey', '
    select v.deployment_id as DeploymentId, m.address as Address, m.port as Port, m.generation as Generation,
           m.silo_name as SiloName, m.host_name as HostName, m.status as Status, m.gateway_port as ProxyPort,
           m.suspect_times as SuspectTimes, m.started_at as StartTime, m.i_am_alive_at as IAmAliveTime,
           v.version as Version
      from membership_versions v
      left join members m on m.deployment_id = v.deployment_id
     where v.deployment_id = @DeploymentId;
'),
('GatewaysQueryKey', '
    select address as Address, gateway_port as ProxyPort, generation as Generation
      from members
     where deployment_id = @DeploymentId and status = @Status and gateway_port > 0;
'),
('DeleteMembershipTableEntriesKey', '
    delete from members where deployment_id = @DeploymentId;
    delete from membership_versions where deployment_id = @DeploymentId;
'),
-- Rows of silos that stopped saying they are alive before the given time; a silo still active (status 3) stays.
('CleanupDefunctSiloEntriesKey', '
    delete from members
     where deployment_id = @DeploymentId and i_am_alive_at < @IAmAliveTime and status <> 3;
');
