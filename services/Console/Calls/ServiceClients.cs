using Grpc.Core;
using Grpc.Core.Interceptors;
using Visitation.Console.SignIn;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.AuditStore;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Contracts.Grpc.IdentityAdmin;
using Visitation.Contracts.Grpc.Notification;
using Visitation.Contracts.Grpc.PrisonApproval;
using Visitation.Contracts.Grpc.Scheduling;

namespace Visitation.Console.Calls;

/// <summary>
/// The services' gRPC clients, each call carrying the signed-in person's access token: the services
/// decide what this person may do and see, exactly as for any other caller.
/// </summary>
public sealed class ServiceClients(ServiceChannels channels, UserTokens tokens, IHttpContextAccessor http)
{
    public async Task<ApplicationService.ApplicationServiceClient> ApplicationsAsync() =>
        new(await AsUserAsync(channels.Application));

    public async Task<BureauReviewService.BureauReviewServiceClient> BureauReviewAsync() =>
        new(await AsUserAsync(channels.BureauReview));

    public async Task<PrisonApprovalService.PrisonApprovalServiceClient> PrisonApprovalAsync() =>
        new(await AsUserAsync(channels.PrisonApproval));

    public async Task<SchedulingService.SchedulingServiceClient> SchedulingAsync() =>
        new(await AsUserAsync(channels.Scheduling));

    public async Task<NotificationService.NotificationServiceClient> NotificationAsync() =>
        new(await AsUserAsync(channels.Notification));

    public async Task<AuditStoreService.AuditStoreServiceClient> AuditStoreAsync() =>
        new(await AsUserAsync(channels.AuditStore));

    public async Task<IdentityAdminService.IdentityAdminServiceClient> IdentityAdminAsync() =>
        new(await AsUserAsync(channels.IdentityAdmin));

    private async Task<CallInvoker> AsUserAsync(Grpc.Net.Client.GrpcChannel channel)
    {
        var token = await tokens.AccessTokenAsync(http.HttpContext?.RequestAborted ?? CancellationToken.None);
        return channel.Intercept(metadata =>
        {
            metadata.Add("Authorization", "Bearer " + token);
            return metadata;
        });
    }
}
