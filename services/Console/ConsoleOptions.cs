using System.ComponentModel.DataAnnotations;

namespace Visitation.Console;

/// <summary>The console's settings (section <c>Console</c>), validated as it starts.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>The identity service, e.g. <c>https://id.example.gov.cn/</c>: the issuer of every token.</summary>
    [Required]
    [Url]
    public string Authority { get; set; } = string.Empty;

    /// <summary>Where each service answers gRPC (plaintext HTTP/2 inside the network, TLS outside).</summary>
    [Required]
    public ServiceAddresses Services { get; set; } = new();
}

public sealed class ServiceAddresses
{
    [Required]
    [Url]
    public string Application { get; set; } = string.Empty;

    [Required]
    [Url]
    public string BureauReview { get; set; } = string.Empty;

    [Required]
    [Url]
    public string PrisonApproval { get; set; } = string.Empty;

    [Required]
    [Url]
    public string Scheduling { get; set; } = string.Empty;

    [Required]
    [Url]
    public string Notification { get; set; } = string.Empty;

    /// <summary>The audit store's gRPC address: the audit administrator's search.</summary>
    [Required]
    [Url]
    public string AuditStore { get; set; } = string.Empty;

    /// <summary>The identity service's administration API (gRPC over HTTP/2; its own endpoint beside the sign-in pages).</summary>
    [Required]
    [Url]
    public string IdentityAdmin { get; set; } = string.Empty;
}
