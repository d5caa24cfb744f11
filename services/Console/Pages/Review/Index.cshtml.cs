using Visitation.Console.Calls;
using Visitation.Contracts.Grpc.BureauReview;
using Visitation.Rules.ReferenceData;

namespace Visitation.Console.Pages.Review;

/// <summary>
/// The county's applications waiting for re-review (复审): how many, each one's deadline and whether it is
/// past or near, sortable, filtered by office, fifty to a page. The service keeps them to the reviewer's county.
/// </summary>
public sealed class IndexModel(ServiceClients services, ReferenceDataSet reference, TimeProvider clock) : ConsolePage
{
    public const int PageSize = 50;

    public IReadOnlyList<ReviewTask> Rows { get; private set; } = [];

    /// <summary>How many wait in all (with the office filter applied).</summary>
    public int Count { get; private set; }

    /// <summary>Whether the service had more than the queue reads (<see cref="ReviewQueue.Limit"/>).</summary>
    public bool Cut { get; private set; }

    public QueueOrder Order { get; private set; }

    public string? Office { get; private set; }

    public int PageNumber { get; private set; }

    public int Pages => Math.Max(1, (Count + PageSize - 1) / PageSize);

    /// <summary>The application just decided, and how (the decision page comes back here).</summary>
    public string? Decided { get; private set; }

    public bool DecidedApproved { get; private set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public string Caption => Order switch
    {
        QueueOrder.Submitted => "按提交时间从早到晚",
        QueueOrder.Office => "按受理司法所，同一司法所按截止时间",
        _ => "按复审截止时间从近到远",
    };

    public ReferenceDataSet Reference => reference;

    /// <summary>The offices of the reviewer's county, for the filter.</summary>
    public IReadOnlyList<JudicialOffice> Offices => [.. reference.Offices.Where(o => o.CountyId == Organisation)];

    /// <summary>The queue; <paramref name="p"/> counts pages from one ("page" is Razor Pages' own name).</summary>
    public async Task OnGetAsync(QueueOrder order, string? office, int p = 1, string? approved = null, string? rejected = null)
    {
        Order = order;
        Office = string.IsNullOrEmpty(office) ? null : office;
        Decided = approved ?? rejected;
        DecidedApproved = approved is not null;
        await TryCallAsync(async cancel =>
        {
            var all = await ReviewQueue.LoadAsync(await services.BureauReviewAsync(), overdue: false, cancel);
            Cut = all.Count >= ReviewQueue.Limit;
            var shown = all.Where(t => Office is null || t.OfficeId == Office).Sort(Order, reference).ToList();
            Count = shown.Count;
            PageNumber = Math.Clamp(p, 1, Pages);
            Rows = [.. shown.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
        });
    }

    /// <summary>This list's address with another page, keeping the order and the filter.</summary>
    public string PageLink(int number) =>
        $"/Review?order={Order}&office={Uri.EscapeDataString(Office ?? string.Empty)}&p={number}";
}
