using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Visitation.ServiceDefaults;
using Visitation.ServiceDefaults.Rest;

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

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Testing", false)]
    [InlineData("Development", true)]
    public async Task TheOpenApiDocumentIsOfferedWithoutATokenOnlyOnADevelopersMachine(string environment, bool anonymous)
    {
        await using var app = NotificationAsBuilt.Build(environment, []);
        app.MapRestDoor();

        var document = ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Single(endpoint => endpoint.RoutePattern.RawText == RestDoorExtensions.DocumentRoute);

        Assert.Equal(anonymous, document.Metadata.GetMetadata<IAllowAnonymous>() is not null);
        Assert.Equal(!anonymous, document.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0);
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
