namespace Visitation.Identity.Accounts;

/// <summary>
/// One scope per service; a token asked for a scope is addressed (<c>aud</c>) to that service, whose
/// settings name the same audience (<c>Auth:Audience</c>).
/// </summary>
public static class ServiceScopes
{
    public static IReadOnlyDictionary<string, string> Audiences { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["application"] = "visitation-application",
        ["bureau-review"] = "visitation-bureau-review",
        ["prison-approval"] = "visitation-prison-approval",
        ["scheduling"] = "visitation-scheduling",
        ["notification"] = "visitation-notification",
        ["audit-store"] = "visitation-audit-store",
    };

    public static IEnumerable<string> AudiencesOf(IEnumerable<string> scopes) =>
        scopes.Where(Audiences.ContainsKey).Select(scope => Audiences[scope]);
}
