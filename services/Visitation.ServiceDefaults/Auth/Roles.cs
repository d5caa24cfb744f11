namespace Visitation.ServiceDefaults.Auth;

/// <summary>The roles a token's <c>role</c> claim may carry; the <c>org</c> claim names the organisation.</summary>
public static class Roles
{
    /// <summary>司法所 clerk; org = judicial office id.</summary>
    public const string Clerk = "clerk";

    /// <summary>县司法局 reviewer; org = county bureau id.</summary>
    public const string Reviewer = "reviewer";

    /// <summary>监狱会见中心 officer; org = prison id.</summary>
    public const string Officer = "officer";

    /// <summary>County venue staff; org = venue id.</summary>
    public const string VenueStaff = "venue";

    /// <summary>System operator; sees delivery state, never acts on applications.</summary>
    public const string Operator = "operator";
}
