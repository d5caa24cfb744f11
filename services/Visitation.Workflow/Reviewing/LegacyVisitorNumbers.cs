namespace Visitation.Workflow.Reviewing;

/// <summary>
/// For the migrations of the reviewing services (bureau-review's <c>reviews</c>, prison-approval's
/// <c>approvals</c>): applications stored before events carried minimum data hold each visitor's
/// full ID number in their JSON. This replaces it with the masked form every reply shows, and an
/// empty visitor key — a migration holds no key to compute one, so such an application is judged
/// without the relatives register and bars, as a first application would be (docs/data-minimisation.md).
/// </summary>
public static class LegacyVisitorNumbers
{
    public static string MaskSql(string table) => $$"""
        UPDATE {{table}} SET application = jsonb_set(application, '{visitors}', (
            SELECT coalesce(jsonb_agg(
                CASE WHEN v ? 'idNumber'
                     THEN (v - 'idNumber') || jsonb_build_object(
                         'idNumberMasked', left(v->>'idNumber', 4) || repeat('*', greatest(length(v->>'idNumber') - 8, 0)) || right(v->>'idNumber', 4),
                         'visitorKey', '')
                     ELSE v END
                ORDER BY n), '[]'::jsonb)
            FROM jsonb_array_elements(application->'visitors') WITH ORDINALITY AS e(v, n)))
        WHERE jsonb_path_exists(application, '$.visitors[*].idNumber')
        """;
}
