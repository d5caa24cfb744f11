using Microsoft.EntityFrameworkCore;
using Visitation.Application.Data;
using Visitation.Contracts.Grpc.Application;
using Visitation.ServiceDefaults.Auth;

namespace Visitation.Application.Features.NotReached;

/// <summary>How many of the office's entries are open: the console's badge. A count names nobody, so it is no audited read.</summary>
public sealed class CountFamiliesNotReachedHandler(ApplicationDbContext db)
{
    public async Task<CountFamiliesNotReachedReply> HandleAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var open = await db.FamiliesNotReached.CountAsync(e => caller.Organisations.Contains(e.OfficeId) && e.ClosedAt == null, ct);
        return new CountFamiliesNotReachedReply { Open = open };
    }
}
