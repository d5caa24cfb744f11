using System.Text.Json.Nodes;
using Google.Api;
using Google.Protobuf.Reflection;
using Visitation.IntegrationTests.Infrastructure;
using Visitation.ServiceDefaults.Auth;
using Visitation.Testing.Processes;

namespace Visitation.IntegrationTests.Rest;

/// <summary>
/// Each service serves the OpenAPI document of its REST door (to any valid token outside Development), and the copy checked into
/// docs/api/ is that document: a changed proto (a new path, a renamed field, a comment) fails here
/// until the copy is regenerated (<c>deploy/api-docs.sh</c>, which sets <see cref="RewriteVariable"/>).
/// </summary>
public sealed class OpenApiDocumentTests(VisitationSystem system)
{
    /// <summary>Set to 1, the test writes the served documents over the checked-in copies instead of failing.</summary>
    public const string RewriteVariable = "VISITATION_REWRITE_API_DOCS";

    public static TheoryData<string> Services => new(VisitationSystem.ServiceNames);

    /// <summary>Any valid token of the service opens the document, whatever its role may call.</summary>
    private static readonly string AnyToken = VisitationSystem.Token(Roles.Operator, Orgs.Province);

    [Theory]
    [MemberData(nameof(Services))]
    public async Task TheCheckedInDocumentIsTheOneTheServiceServes(string service)
    {
        using var client = system.Http(service, AnyToken);
        var checkedIn = Path.Combine(Checkout.Root, "docs", "api", $"{service.Replace('_', '-')}.json");

        using var response = await client.GetAsync(new Uri("openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        var served = Normalised(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        if (Environment.GetEnvironmentVariable(RewriteVariable) == "1")
        {
            await File.WriteAllTextAsync(checkedIn, served, TestContext.Current.CancellationToken);
        }

        Assert.True(response.IsSuccessStatusCode, $"{service} answered {response.StatusCode} for its OpenAPI document");
        Assert.True(File.Exists(checkedIn) && Normalised(await File.ReadAllTextAsync(checkedIn, TestContext.Current.CancellationToken)) == served,
            $"{checkedIn} is not the document {service} serves: regenerate docs/api/ with deploy/api-docs.sh and commit it.");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task TheDocumentHoldsExactlyTheCallsTheProtoGivesARestPath(string service)
    {
        using var client = system.Http(service, AnyToken);

        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken))!;
        var documented = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(verb => $"{verb.Key.ToUpperInvariant()} {path.Key}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(AnnotatedPaths(service).Order(StringComparer.Ordinal), documented);
    }

    /// <summary>"VERB /path" of every call of the service's proto that has a google.api.http rule, path parameters in JSON names as OpenAPI shows them.</summary>
    private static IEnumerable<string> AnnotatedPaths(string service)
    {
        var descriptor = service switch
        {
            "application" => Contracts.Grpc.Application.ApplicationService.Descriptor,
            "bureau_review" => Contracts.Grpc.BureauReview.BureauReviewService.Descriptor,
            "prison_approval" => Contracts.Grpc.PrisonApproval.PrisonApprovalService.Descriptor,
            "scheduling" => Contracts.Grpc.Scheduling.SchedulingService.Descriptor,
            "notification" => Contracts.Grpc.Notification.NotificationService.Descriptor,
            _ => throw new ArgumentOutOfRangeException(nameof(service), service, "not a service with a REST door"),
        };
        foreach (var method in descriptor.Methods)
        {
            if (method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is not { } rule)
            {
                continue;
            }

            var (verb, path) = rule.PatternCase switch
            {
                HttpRule.PatternOneofCase.Get => ("GET", rule.Get),
                HttpRule.PatternOneofCase.Post => ("POST", rule.Post),
                HttpRule.PatternOneofCase.Put => ("PUT", rule.Put),
                HttpRule.PatternOneofCase.Patch => ("PATCH", rule.Patch),
                HttpRule.PatternOneofCase.Delete => ("DELETE", rule.Delete),
                _ => throw new InvalidOperationException($"{method.FullName}: a custom HTTP pattern is not used here"),
            };
            yield return $"{verb} {JsonNamedParameters(path, method.InputType)}";
        }
    }

    private static string JsonNamedParameters(string path, MessageDescriptor request)
    {
        foreach (var field in request.Fields.InFieldNumberOrder())
        {
            path = path.Replace("{" + field.Name + "}", "{" + field.JsonName + "}", StringComparison.Ordinal);
        }

        return path;
    }

    private static string Normalised(string json) => json.ReplaceLineEndings("\n").TrimEnd() + "\n";
}
