using Microsoft.AspNetCore.Routing;
using Visitation.ServiceDefaults;

namespace Visitation.IntegrationTests.Security;

/// <summary>What a service offers to anyone who can connect, before any token is checked.</summary>
public sealed class ExposureTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Testing")]
    public async Task ServerReflectionIsNotOfferedOutsideDevelopment(string environment)
    {
        Assert.DoesNotContain(await RoutesAsync(environment), route => route.Contains("grpc.reflection", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServerReflectionIsOfferedOnADevelopersMachine()
    {
        Assert.Contains(await RoutesAsync("Development"), route => route.Contains("grpc.reflection", StringComparison.Ordinal));
    }

    private static async Task<IReadOnlyList<string>> RoutesAsync(string environment)
    {
        await using var app = NotificationAsBuilt.Build(environment, []);
        app.MapServiceDefaults();
        return [.. ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(endpoint => endpoint.RoutePattern.RawText ?? string.Empty)];
    }
}
