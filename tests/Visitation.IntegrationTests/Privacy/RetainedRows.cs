using Npgsql;

namespace Visitation.IntegrationTests.Privacy;

/// <summary>
/// What the retention test reads straight from each service's database, for a few applications of
/// its own: the figures a bureau's statistics are made of, and every row that could name the family.
/// </summary>
public static class RetainedRows
{
    /// <summary>Per service, the statistics of the applications: each as one line of JSON, in a fixed order.</summary>
    public static IReadOnlyDictionary<string, string> Statistics { get; } = new Dictionary<string, string>
    {
        ["application"] = """
            SELECT a.id, a.office_id, a.county_id, a.venue_id, a.prison_id, a.prison_area, a.visit_month, a.status, a.submitted_at,
                   a.visit_id, a.visit_date, a.preferred_dates,
                   (SELECT count(*) FROM applications o WHERE o.id = ANY(@ids) AND o.office_id = a.office_id AND o.visit_month = a.visit_month) AS office_month_applications,
                   (SELECT count(*) FROM timeline t WHERE t.application_id = a.id) AS steps,
                   (SELECT json_agg(json_build_object('relation', v.relation, 'contact', v.is_contact, 'guardian', v.is_guardian, 'documents', v.documents,
                        'age', extract(year FROM age((a.submitted_at AT TIME ZONE 'Asia/Shanghai')::date, v.birth_date))) ORDER BY v.ordinal)
                    FROM application_visitors v WHERE v.application_id = a.id) AS visitors
            FROM applications a WHERE a.id = ANY(@ids)
            """,
        ["bureau_review"] = ReviewStatistics("reviews", "county_id, office_id"),
        ["prison_approval"] = ReviewStatistics("approvals", "prison_id, failures -> 0 ->> 'code' AS first_failure"),
        ["scheduling"] = """
            SELECT v.id, v.application_id, v.status, v.date, v.start, v.minutes, v.prison_id, v.prison_area, v.venue_id, v.county_id, v.visit_month,
                   v.outcome_reason_code, v.created_at, v.confirmed_by, v.ended_at, v.minutes_used
            FROM visits v WHERE v.application_id = ANY(@ids)
            """,
        ["notification"] = """
            SELECT m.id, m.application_id, m.kind, m.status, m.dedup_key, m.attempts, m.created_at, m.sent_at, r.office_id, r.county_id, r.prison_id, r.visit_month
            FROM sms_messages m JOIN recipients r ON r.application_id = m.application_id WHERE m.application_id = ANY(@ids)
            """,
    };

    /// <summary>Per service, every row of its own tables about the applications (whole rows, as JSON text): where a name, number or text could be.</summary>
    public static IReadOnlyDictionary<string, string> Personal { get; } = new Dictionary<string, string>
    {
        ["application"] = """
            SELECT row_to_json(a)::text FROM applications a WHERE a.id = ANY(@ids)
            UNION ALL SELECT row_to_json(v)::text FROM application_visitors v WHERE v.application_id = ANY(@ids)
            UNION ALL SELECT row_to_json(t)::text FROM timeline t WHERE t.application_id = ANY(@ids)
            """,
        ["bureau_review"] = """
            SELECT row_to_json(r)::text FROM reviews r WHERE r.application_id = ANY(@ids)
            UNION ALL SELECT row_to_json(t)::text FROM application_tombstones t WHERE t.application_id = ANY(@ids)
            """,
        ["prison_approval"] = """
            SELECT row_to_json(a)::text FROM approvals a WHERE a.application_id = ANY(@ids)
            UNION ALL SELECT row_to_json(t)::text FROM application_tombstones t WHERE t.application_id = ANY(@ids)
            """,
        ["scheduling"] = """
            SELECT row_to_json(v)::text FROM visits v WHERE v.application_id = ANY(@ids)
            UNION ALL SELECT row_to_json(i)::text FROM visit_interruptions i JOIN visits v ON v.id = i.visit_id WHERE v.application_id = ANY(@ids)
            UNION ALL SELECT row_to_json(c)::text FROM cancellation_requests c WHERE c.application_id = ANY(@ids)
            UNION ALL SELECT row_to_json(t)::text FROM application_tombstones t WHERE t.application_id = ANY(@ids)
            """,
        ["notification"] = """
            SELECT row_to_json(r)::text FROM recipients r WHERE r.application_id = ANY(@ids)
            UNION ALL SELECT row_to_json(m)::text FROM sms_messages m WHERE m.application_id = ANY(@ids)
            """,
    };

    /// <summary>The statistics of every service, as lines of JSON.</summary>
    public static async Task<Dictionary<string, IReadOnlyList<string>>> StatisticsAsync(IReadOnlyDictionary<string, string> databases, params string[] applicationIds)
    {
        var figures = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (service, sql) in Statistics)
        {
            figures[service] = await LinesAsync(databases[service], $"SELECT row_to_json(s)::text FROM ({sql}) s ORDER BY 1", applicationIds);
        }

        return figures;
    }

    public static Task<IReadOnlyList<string>> LinesAsync(string database, string sql, params string[] applicationIds) =>
        QueryAsync(database, sql, applicationIds);

    public static async Task<T?> ScalarAsync<T>(string database, string sql, string applicationId)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", Guid.Parse(applicationId));
        return (T?)await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    private static string ReviewStatistics(string table, string ownColumns) => $"""
        SELECT application_id, {ownColumns}, status, reason_code, decided_by, decided_at, received_at, due_by, visit_month_start,
               application ->> 'officeId' AS office, application ->> 'countyId' AS county, application ->> 'venueId' AS venue,
               application ->> 'prisonId' AS prison, application ->> 'visitMonth' AS month, application -> 'preferredDates' AS preferred,
               (SELECT json_agg(json_build_object('relation', v ->> 'relation', 'age', v ->> 'age', 'documents', v -> 'documents', 'guardian', v ->> 'isGuardianOfChildren'))
                FROM jsonb_array_elements(application -> 'visitors') v) AS visitors
        FROM {table} WHERE application_id = ANY(@ids)
        """;

    private static async Task<IReadOnlyList<string>> QueryAsync(string database, string sql, string[] applicationIds)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("ids", applicationIds.Select(Guid.Parse).ToArray());
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            lines.Add(reader.GetString(0));
        }

        return lines;
    }
}
