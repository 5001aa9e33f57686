-- A model call's owner (the use case and event it belongs to) is stored on the call rather than computed through a
-- view: set when the call is recorded (its own ids, else its trace's link) and when its trace's first link arrives.
-- The grain's queries for waiting calls and spend with no outcome then read one partial index instead of every
-- unjoined call.
drop view metrics.ai_spans_resolved;

alter table metrics.ai_spans add column owner_use_case_id text, add column owner_event_id text;

update metrics.ai_spans s
   set owner_use_case_id = case when s.use_case_id is not null and s.event_id is not null then s.use_case_id else l.use_case_id end,
       owner_event_id    = case when s.use_case_id is not null and s.event_id is not null then s.event_id else l.event_id end
  from metrics.ai_spans x
  left join metrics.trace_links l on l.trace_id = x.trace_id
 where x.trace_id = s.trace_id and x.span_id = s.span_id;

drop index metrics.ai_spans_waiting_named;
create index ai_spans_waiting_by_owner on metrics.ai_spans (owner_use_case_id, started_at) where joined_use_case_id is null;
