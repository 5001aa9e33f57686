using AiRoi.Domain;
using AiRoi.Domain.Alerts;
using AiRoi.ServiceDefaults.Data;
using Npgsql;
using NpgsqlTypes;

namespace AiRoi.Metrics.Alerts;

/// <summary>
/// The alert tables (<c>metrics.alert_rules</c>, <c>alert_conditions</c>, <c>alerts</c>, <c>alert_deliveries</c>). Once per
/// occurrence is the database's doing: one open row per condition of a use case, one alert per rule and occurrence,
/// so any number of service instances may observe the same condition at once.
/// </summary>
public sealed class AlertStore(NpgsqlDataSource dataSource)
{
    /// <summary>How long a claimed alert is left to the instance sending it before another may try.</summary>
    public static readonly TimeSpan SendLease = TimeSpan.FromMinutes(1);

    /// <summary>Stores a rule with its signing secret.</summary>
    public async Task<AlertRule> CreateRuleAsync(string? useCaseId, IReadOnlyList<AlertKind> kinds, string webhookUrl, string secret, string createdBy, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            insert into metrics.alert_rules (use_case_id, kinds, webhook_url, secret, created_by) values ($1, $2, $3, $4, $5)
            returning id, use_case_id, kinds, webhook_url, created_by, created_at
            """)
            .WithTyped(useCaseId, NpgsqlDbType.Text)
            .WithValues((object)kinds.Select(kind => WireJson.Name(kind)).ToArray(), webhookUrl, secret, createdBy);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return ReadRule(reader);
    }

    /// <summary>The rules not deleted, newest first; only those of <paramref name="useCaseIds"/> (and none organization-wide) when given.</summary>
    public async Task<IReadOnlyList<AlertRule>> ListRulesAsync(IReadOnlyList<string>? useCaseIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select id, use_case_id, kinds, webhook_url, created_by, created_at from metrics.alert_rules
            where deleted_at is null and ($1::text[] is null or use_case_id = any($1))
            order by id desc
            """).WithTyped(useCaseIds?.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        var rules = new List<AlertRule>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rules.Add(ReadRule(reader));
        }
        return rules;
    }

    /// <summary>Deletes a rule: it is told nothing more, and its alerts not yet delivered are dropped.</summary>
    public async Task<bool> DeleteRuleAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var delete = new NpgsqlCommand("update metrics.alert_rules set deleted_at = now() where id = $1 and deleted_at is null", connection, transaction)
            .WithValues(id);
        if (await delete.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }
        await using var drop = new NpgsqlCommand(
            "update metrics.alerts set given_up_at = now() where rule_id = $1 and delivered_at is null and given_up_at is null", connection, transaction).WithValues(id);
        await drop.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// What holds now for <paramref name="useCaseId"/> among the conditions whose names start with one of
    /// <paramref name="prefixes"/>: those that started are opened, those that stopped are closed, and every rule that
    /// watches a newly opened one gets one alert. Answers how many alerts were made. When the conditions come from an
    /// experiment's <paramref name="analysis"/>, nothing changes unless it is newer than the latest one observed.
    /// </summary>
    public async Task<int> ObserveAsync(string useCaseId, IReadOnlyList<string> prefixes, IReadOnlyList<AlertCondition> holding, CancellationToken cancellationToken,
        (string ExperimentId, DateTimeOffset AnalyzedAt)? analysis = null)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (analysis is { } observed)
        {
            await using var newer = new NpgsqlCommand(
                """
                insert into metrics.observed_analyses as seen (experiment_id, analyzed_at) values ($1, $2)
                on conflict (experiment_id) do update set analyzed_at = excluded.analyzed_at where seen.analyzed_at < excluded.analyzed_at
                returning 1
                """, connection, transaction).WithValues(observed.ExperimentId, observed.AnalyzedAt);
            if (await newer.ExecuteScalarAsync(cancellationToken) is null)
            {
                return 0;
            }
        }
        await using (var close = new NpgsqlCommand(
            """
            update metrics.alert_conditions set closed_at = now()
            where use_case_id = $1 and closed_at is null and not (condition_key = any($3))
              and exists (select 1 from unnest($2::text[]) as prefix where starts_with(condition_key, prefix))
            """, connection, transaction)
            .WithValues(useCaseId, (object)prefixes.ToArray(), holding.Select(condition => condition.Key).ToArray()))
        {
            await close.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var open = new NpgsqlCommand(
            """
            with opened as (
                insert into metrics.alert_conditions (use_case_id, condition_key, kind, title, detail)
                select $1, key, kind, title, detail from unnest($2::text[], $3::text[], $4::text[], $5::text[]) as holding (key, kind, title, detail)
                on conflict (use_case_id, condition_key) where closed_at is null do nothing
                returning id, use_case_id, kind
            )
            insert into metrics.alerts (rule_id, condition_id)
            select rule.id, opened.id from opened
            join metrics.alert_rules rule on rule.deleted_at is null
                and (rule.use_case_id is null or rule.use_case_id = opened.use_case_id) and opened.kind = any(rule.kinds)
            on conflict (rule_id, condition_id) do nothing
            """, connection, transaction)
            .WithValues(useCaseId,
                holding.Select(condition => condition.Key).ToArray(),
                holding.Select(condition => WireJson.Name(condition.Kind)).ToArray(),
                holding.Select(condition => condition.Title).ToArray(),
                holding.Select(condition => condition.Detail).ToArray());
        var alerts = await open.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return alerts;
    }

    /// <summary>
    /// An experiment of <paramref name="useCaseId"/> concluded: its conditions close, and no analysis of it observed
    /// later opens them again (one made while it still ran can arrive after the conclusion: competing consumers,
    /// redelivery). Its latest observed analysis is set to <c>infinity</c>, after every analysis there can be.
    /// Idempotent.
    /// </summary>
    public async Task CloseExperimentAsync(string useCaseId, string experimentId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var last = new NpgsqlCommand(
            """
            insert into metrics.observed_analyses (experiment_id, analyzed_at) values ($1, 'infinity')
            on conflict (experiment_id) do update set analyzed_at = 'infinity'
            """, connection, transaction).WithValues(experimentId))
        {
            await last.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var close = new NpgsqlCommand(
            "update metrics.alert_conditions set closed_at = now() where use_case_id = $1 and closed_at is null and starts_with(condition_key, $2)",
            connection, transaction).WithValues(useCaseId, AlertConditions.ExperimentPrefix(experimentId)))
        {
            await close.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> alerts due for an attempt: each is counted as attempted and left to this
    /// instance for <see cref="SendLease"/>, so another instance does not send it meanwhile.
    /// </summary>
    public async Task<IReadOnlyList<(AlertNotice Notice, int Attempt, string WebhookUrl, string Secret)>> ClaimDueAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            with claimed as (
                update metrics.alerts set attempts = attempts + 1, next_attempt_at = now() + $2
                where id in (
                    select id from metrics.alerts
                    where delivered_at is null and given_up_at is null and next_attempt_at <= now()
                    order by next_attempt_at limit $1 for update skip locked)
                returning id, rule_id, condition_id, attempts
            )
            select claimed.id, claimed.rule_id, condition.use_case_id, use_case.definition ->> 'name', condition.kind, condition.condition_key, condition.title,
                   condition.detail, condition.opened_at, claimed.attempts, rule.webhook_url, rule.secret
            from claimed
            join metrics.alert_conditions condition on condition.id = claimed.condition_id
            join metrics.alert_rules rule on rule.id = claimed.rule_id
            left join metrics.use_cases use_case on use_case.id = condition.use_case_id
            """).WithValues(limit, SendLease);
        var claimed = new List<(AlertNotice, int, string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var notice = new AlertNotice(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                WireJson.Parse<AlertKind>(reader.GetString(4)) ?? AlertKind.HealthCheck, reader.GetString(5), reader.GetString(6), reader.GetString(7),
                reader.GetFieldValue<DateTimeOffset>(8));
            claimed.Add((notice, reader.GetInt32(9), reader.GetString(10), reader.GetString(11)));
        }
        return claimed;
    }

    /// <summary>
    /// Records an attempt: delivered on success; otherwise due again at <paramref name="retryAt"/>, or given up when
    /// that is null — only while the claim is still this attempt's: a send that outlasted its lease may have been
    /// claimed again by another silo, whose schedule is not undone.
    /// </summary>
    public async Task RecordAttemptAsync(long alertId, AlertDelivery delivery, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            "insert into metrics.alert_deliveries (alert_id, attempt, attempted_at, status_code, error, succeeded) values ($1, $2, $3, $4, $5, $6) on conflict do nothing")
            .WithValues(alertId, delivery.Attempt, delivery.AttemptedAt, delivery.StatusCode, delivery.Error, delivery.Succeeded));
        batch.BatchCommands.Add(delivery.Succeeded
            ? new NpgsqlBatchCommand("update metrics.alerts set delivered_at = $2 where id = $1").WithValues(alertId, delivery.AttemptedAt)
            : retryAt is { } next
                ? new NpgsqlBatchCommand("update metrics.alerts set next_attempt_at = $2 where id = $1 and attempts = $3").WithValues(alertId, next, delivery.Attempt)
                : new NpgsqlBatchCommand("update metrics.alerts set given_up_at = $2 where id = $1 and attempts = $3").WithValues(alertId, delivery.AttemptedAt, delivery.Attempt));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The latest alerts with their delivery logs, newest first; only those of <paramref name="useCaseIds"/> when given.</summary>
    public async Task<IReadOnlyList<AlertRecord>> ListAlertsAsync(IReadOnlyList<string>? useCaseIds, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select alert.id, alert.rule_id, condition.use_case_id, condition.kind, condition.condition_key, condition.title, condition.detail,
                   condition.opened_at, condition.closed_at,
                   case when alert.delivered_at is not null then 'delivered' when alert.given_up_at is not null then 'failed' else 'pending' end,
                   coalesce((select json_agg(json_build_object('attempt', d.attempt, 'attemptedAt', d.attempted_at, 'statusCode', d.status_code,
                                                               'error', d.error, 'succeeded', d.succeeded) order by d.attempt)
                             from metrics.alert_deliveries d where d.alert_id = alert.id), '[]')::text
            from metrics.alerts alert
            join metrics.alert_conditions condition on condition.id = alert.condition_id
            where $1::text[] is null or condition.use_case_id = any($1)
            order by alert.id desc limit $2
            """).WithTyped(useCaseIds?.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text).WithValues(limit);
        var alerts = new List<AlertRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var deliveries = System.Text.Json.JsonSerializer.Deserialize<List<AlertDelivery>>(reader.GetString(10), WireJson.Options) ?? [];
            alerts.Add(new AlertRecord(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), WireJson.Parse<AlertKind>(reader.GetString(3)) ?? AlertKind.HealthCheck,
                reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8), reader.GetString(9), deliveries));
        }
        return alerts;
    }

    private static AlertRule ReadRule(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1),
        reader.GetFieldValue<string[]>(2).Select(kind => WireJson.Parse<AlertKind>(kind)).OfType<AlertKind>().ToList(),
        reader.GetString(3), reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5));
}
