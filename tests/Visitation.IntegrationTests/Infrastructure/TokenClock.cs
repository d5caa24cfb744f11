namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>
/// The clock tokens live by, the one place the tests name it: the services check a token's lifetime
/// by the real clock whatever their own clock reads (AuthExtensions pins it; proved by
/// <c>AccessTests.TokensAreCheckedByTheRealClockWhereverTheServicesClockStands</c>), so the identity
/// service that stamps them, its signing keys' validity and the tokens a test forges are on it too.
/// The services' business time is the run's <see cref="TestClock"/>.
/// </summary>
internal static class TokenClock
{
    public static TimeProvider Real => TimeProvider.System;
}
