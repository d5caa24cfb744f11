namespace Visitation.Identity.Accounts;

/// <summary>
/// One scope per service; a token asked for a scope is addressed (<c>aud</c>) to that service, whose
/// settings name the same audience (<c>Auth:Audience</c>).
/// </summary>
public static class ServiceScopes
{
    public const string AdminScope = "identity-admin";
    public const string AdminAudience = "visitation-identity";

    public static IReadOnlyDictionary<string, string> Audiences { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["application"] = "visitation-application",
        ["bureau-review"] = "visitation-bureau-review",
        ["prison-approval"] = "visitation-prison-approval",
        ["scheduling"] = "visitation-scheduling",
        ["notification"] = "visitation-notification",
        // The identity service's own administration API (docs/identity.md, "Administration API").
        [AdminScope] = AdminAudience,
        ["audit-store"] = "visitation-audit-store",
    };

    public static IEnumerable<string> AudiencesOf(IEnumerable<string> scopes) =>
        scopes.Where(Audiences.ContainsKey).Select(scope => Audiences[scope]);
}
