using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Visitation.Contracts.Grpc.Application;
using Visitation.IntegrationTests.Infrastructure;

namespace Visitation.IntegrationTests.Security;

/// <summary>
/// Every RPC of every service, read from the generated service descriptors of the contracts
/// assembly (so an RPC or a service added to a proto is enumerated without anyone listing it), and
/// a way to call any of them with a message built by hand.
/// </summary>
public static class Rpcs
{
    /// <summary>The system's name of the service each proto service is served by.</summary>
    private static readonly Dictionary<string, string> Hosts = new(StringComparer.Ordinal)
    {
        ["visitation.application.v1.ApplicationService"] = "application",
        ["visitation.bureaureview.v1.BureauReviewService"] = "bureau_review",
        ["visitation.prisonapproval.v1.PrisonApprovalService"] = "prison_approval",
        ["visitation.scheduling.v1.SchedulingService"] = "scheduling",
        ["visitation.notification.v1.NotificationService"] = "notification",
        ["visitation.auditstore.v1.AuditStoreService"] = VisitationSystem.AuditStoreName,
    };

    public static IReadOnlyList<ServiceDescriptor> Services { get; } =
    [
        .. typeof(ApplicationService).Assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)?.GetValue(null))
            .OfType<ServiceDescriptor>()
            // The identity service's administration API has its own table (AdminAccessTable), proved in Visitation.Identity.Tests.
            .Where(s => s.FullName != Contracts.Grpc.IdentityAdmin.IdentityAdminService.Descriptor.FullName)
            .OrderBy(s => s.FullName, StringComparer.Ordinal),
    ];

    public static IReadOnlyList<MethodDescriptor> All { get; } = [.. Services.SelectMany(s => s.Methods)];

    public static string FullName(MethodDescriptor method) => $"/{method.Service.FullName}/{method.Name}";

    /// <summary>Calls the RPC as <paramref name="token"/>'s bearer; the outcome, whether a reply or a refusal.</summary>
    public static async Task<Outcome> CallAsync(VisitationSystem system, MethodDescriptor method, string token, IMessage request)
    {
        var host = Hosts.TryGetValue(method.Service.FullName, out var name)
            ? name
            : throw new InvalidOperationException($"{method.Service.FullName} is served by no service of the test system: add it to {nameof(Rpcs)}.{nameof(Hosts)}.");
        var call = new Method<IMessage, IMessage>(
            MethodType.Unary,
            method.Service.FullName,
            method.Name,
            Marshallers.Create<IMessage>(m => m.ToByteArray(), method.InputType.Parser.ParseFrom),
            Marshallers.Create<IMessage>(m => m.ToByteArray(), method.OutputType.Parser.ParseFrom));
        try
        {
            var reply = await system.Invoker(host, token).AsyncUnaryCall(call, null, new CallOptions(), request);
            return new Outcome(StatusCode.OK, JsonFormatter.Default.Format(reply));
        }
        catch (RpcException refused)
        {
            return new Outcome(refused.StatusCode, refused.Status.Detail + " " + refused.GetRpcStatus());
        }
    }
}

/// <summary>What a call came to: its status and, as text, the reply or the refusal's message and details.</summary>
public sealed record Outcome(StatusCode Code, string Text)
{
    /// <summary>The outcome with an id written as a placeholder, to compare replies about two different ids.</summary>
    public Outcome WithoutId(string id) => this with { Text = Text.Replace(id, "{id}", StringComparison.Ordinal) };

    public override string ToString() => $"{Code}: {Text}";
}
