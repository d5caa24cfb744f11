using Visitation.Testing.Processes;

namespace Visitation.IntegrationTests.Infrastructure;

/// <summary>The field-protection key ring of one test run (<see cref="RunProtectionKeys"/>), the same for every service it hosts.</summary>
internal static class TestProtectionKeys
{
    public static IReadOnlyDictionary<string, string> Settings { get; } = RunProtectionKeys.Create();
}
