namespace Visitation.Identity;

/// <summary>Names this assembly's entry point for hosting the service in tests (WebApplicationFactory).</summary>
public sealed class IdentityEntryPoint;
