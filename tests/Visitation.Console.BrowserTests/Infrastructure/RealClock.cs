namespace Visitation.Console.BrowserTests.Infrastructure;

/// <summary>
/// The real clock, named in this one place: the authenticator codes the identity service checks,
/// and the real instant at which the services' training clock reads <see cref="TestDates.ApplicationDay"/>.
/// </summary>
internal static class RealClock
{
    public static TimeProvider Clock => TimeProvider.System;
}
