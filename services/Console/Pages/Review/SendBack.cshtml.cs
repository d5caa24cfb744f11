using Microsoft.AspNetCore.Mvc;
using Visitation.Console.Calls;
using Visitation.Console.Pages.SendBack;
using Visitation.Contracts.Grpc.BureauReview;

namespace Visitation.Console.Pages.Review;

/// <summary>The reviewer sends an application back to its office for more material instead of refusing it.</summary>
public sealed class SendBackModel(ServiceClients services) : SendBackPage<ReviewTask>
{
    protected override async Task SendAsync(string id, CancellationToken cancel)
    {
        var request = new SendBackReviewRequest { ApplicationId = id, Note = SendBack.TrimmedNote };
        SendBack.CopyTo(request.Missing);
        await (await services.BureauReviewAsync()).SendBackApplicationAsync(request, cancellationToken: cancel);
    }

    protected override async Task<ReviewTask?> FindAsync(string id, CancellationToken cancel) =>
        (await ReviewQueue.LoadAsync(await services.BureauReviewAsync(), overdue: false, cancel)).FirstOrDefault(t => t.ApplicationId == id);

    protected override IActionResult AfterSent(string id) => Redirect("/Review");
}
