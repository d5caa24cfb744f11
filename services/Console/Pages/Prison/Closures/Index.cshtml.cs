using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Visitation.Console.Calls;
using Visitation.Console.Errors;
using Visitation.Contracts.Grpc.Notification;
using Visitation.Contracts.Grpc.Scheduling;

namespace Visitation.Console.Pages.VisitCentre.Closures;

/// <summary>
/// Closing a day (or a terminal, or hours of it) at the prison, and its closures in force. Closing is two
/// steps: CancelDay's preview lists the visits it would cancel, each family named by its application
/// number and masked phone (from the notification service, which holds the phone) with the visit's time;
/// only the confirming form closes, and the page then shows each visit's re-offer. Closing the same
/// thing twice answers with the first closure, so a double submit closes once.
/// </summary>
public sealed class IndexModel(ServiceClients services, TimeProvider clock) : ConsolePage
{
    /// <summary>ListClosures reads at most 92 days at once.</summary>
    private const int ClosureDays = 92;

    [BindProperty]
    public CloseDayForm Close { get; set; } = new();

    public IReadOnlyList<ClosureView> Closures { get; private set; } = [];

    /// <summary>After a preview: the families the closure would tell, earliest first.</summary>
    public IReadOnlyList<ToldFamily>? Families { get; private set; }

    /// <summary>After confirming: what the closure cancelled and re-offered.</summary>
    public CancelReply? Closed { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        await CloseAsync(preview: true);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        await CloseAsync(preview: false);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostReopenAsync(string closureId)
    {
        if (await TryCallAsync(async cancel => await (await services.SchedulingAsync()).ReopenClosureAsync(new ReopenClosureRequest { ClosureId = closureId }, cancellationToken: cancel)))
        {
            Done = "已恢复开放：该时段可重新安排会见；已取消的会见不恢复（家属已另行安排）。";
            return RedirectToPage();
        }

        await LoadAsync();
        return Page();
    }

    private async Task CloseAsync(bool preview)
    {
        var request = new CancelDayRequest
        {
            Date = Close.Date ?? string.Empty, Cause = Close.Cause ?? CancellationCause.Unspecified, Note = Close.Note ?? string.Empty,
            TerminalId = Close.TerminalId ?? string.Empty, StartTime = Close.StartTime ?? string.Empty, EndTime = Close.EndTime ?? string.Empty, Preview = preview,
        };
        try
        {
            var reply = await (await services.SchedulingAsync()).CancelDayAsync(request, cancellationToken: HttpContext.RequestAborted);
            if (preview)
            {
                Families = await FamiliesAsync(reply, HttpContext.RequestAborted);
            }
            else
            {
                Closed = reply;
            }
        }
        catch (RpcException error)
        {
            Errors.Show(error, ModelState, nameof(Close), FieldLabels.DayClosure);
        }
    }

    /// <summary>Each visit's family by the masked phone its SMS go to; a family the notification service has no SMS for yet reads "—".</summary>
    private async Task<IReadOnlyList<ToldFamily>> FamiliesAsync(CancelReply reply, CancellationToken cancel)
    {
        var notification = await services.NotificationAsync();
        var families = new List<ToldFamily>();
        foreach (var visit in reply.Cancelled)
        {
            var phone = "—";
            try
            {
                var messages = await notification.ListMessagesAsync(new ListMessagesRequest { ApplicationId = visit.ApplicationId }, cancellationToken: cancel);
                phone = messages.Messages.Select(m => m.PhoneMasked).LastOrDefault(p => p.Length > 0) ?? phone;
            }
            catch (RpcException error) when (error.StatusCode == Grpc.Core.StatusCode.NotFound)
            {
                // No SMS recorded for it yet: the closure still tells the family once it is confirmed.
            }

            families.Add(new ToldFamily(visit.ApplicationId, phone, visit.Date, visit.StartTime));
        }

        return families;
    }

    private async Task LoadAsync()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        await TryCallAsync(async cancel =>
        {
            var closures = await (await services.SchedulingAsync()).ListClosuresAsync(
                new ListClosuresRequest { DateFrom = Day(today), DateTo = Day(today.AddDays(ClosureDays)) }, cancellationToken: cancel);
            Closures = [.. closures.Closures.OrderBy(c => c.Date).ThenBy(c => c.StartTime)];
        });
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>What the officer closes: CancelDay's fields.</summary>
public sealed class CloseDayForm
{
    public string? Date { get; set; }

    public CancellationCause? Cause { get; set; }

    public string? Note { get; set; }

    public string? TerminalId { get; set; }

    public string? StartTime { get; set; }

    public string? EndTime { get; set; }
}

/// <summary>A family a closure tells: its application, the masked phone the SMS goes to, and the visit's time.</summary>
public sealed record ToldFamily(string ApplicationId, string PhoneMasked, string Date, string StartTime);
