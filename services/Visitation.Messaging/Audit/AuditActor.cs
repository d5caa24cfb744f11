namespace Visitation.Messaging.Audit;

/// <summary>
/// Who did it: the account, its role and organisation, and the client (application) it called
/// through. Automated work (timers, consumers, start-up loads) is <see cref="System"/>.
/// </summary>
public sealed record AuditActor(string UserId, string Role, string OrganisationId, string? ClientId = null)
{
    /// <summary>The value every column of an automated actor holds: timers and consumers act for no one.</summary>
    public const string SystemName = "system";

    public static AuditActor System { get; } = new(SystemName, SystemName, SystemName);

    public bool IsSystem => this == System;
}
