using System.Security.Claims;
using Grpc.Core;
using Visitation.ServiceDefaults.Grpc;

namespace Visitation.ServiceDefaults.Auth;

/// <summary>Who is calling: user, role and organisation, as the token's claims say.</summary>
public sealed record Caller(string UserId, string Role, string OrganisationId)
{
    public static Caller From(ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        string Claim(string type) => user.FindFirstValue(type) ?? string.Empty;
        var caller = new Caller(Claim(CallerClaims.Subject), Claim(CallerClaims.Role), Claim(CallerClaims.Organisation));
        if (caller.UserId.Length == 0 || caller.Role.Length == 0 || caller.OrganisationId.Length == 0)
        {
            throw GrpcErrors.PermissionDenied("令牌缺少用户、角色或机构信息");
        }

        return caller;
    }

    /// <summary>Refuses the call unless the caller holds one of the roles.</summary>
    public Caller Require(params string[] roles)
    {
        if (!roles.Contains(Role, StringComparer.Ordinal))
        {
            throw GrpcErrors.PermissionDenied($"角色 {Role} 无权执行此操作");
        }

        return this;
    }

    /// <summary>Refuses the call unless the resource belongs to the caller's organisation.</summary>
    public void RequireOrganisation(string owningOrganisationId)
    {
        if (!string.Equals(owningOrganisationId, OrganisationId, StringComparison.Ordinal))
        {
            throw GrpcErrors.PermissionDenied("无权访问其他机构的数据");
        }
    }
}
