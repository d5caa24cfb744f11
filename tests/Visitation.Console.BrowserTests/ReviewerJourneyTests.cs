using Microsoft.Playwright;
using Visitation.Console.BrowserTests.Infrastructure;
using Visitation.Console.BrowserTests.PageObjects;
using Visitation.Rules.Privacy;
using Visitation.Rules.Sms;

namespace Visitation.Console.BrowserTests;

/// <summary>
/// The 县司法局 reviewer, in the browser, against the real services: an application a clerk filed through
/// the console reaches the county's queue with its deadline; the reviewer approves it (once, however often
/// the form is sent) and the clerk sees it go on to the prison; a rejection needs a coded reason, shown
/// beside its field, and its note stays out of the family's SMS; the agenda and the overdue list render.
/// Every page landed on is scanned for accessibility.
/// </summary>
public sealed class ReviewerJourneyTests(ConsoleSystem system)
{
    private const string ThisOffice = "永济市城西街道司法所";

    [Fact]
    public async Task AFiledApplicationWaitsInTheQueueWithItsDeadlineIsApprovedOnceAndTheClerkSeesItGoOnToThePrison()
    {
        await using var clerk = await ConsoleSession.SignInAsync(system, system.Accounts.Take("clerk", Orgs.Office));
        await using var reviewer = await ConsoleSession.SignInAsync(system, system.Accounts.Take("reviewer", Orgs.Bureau));
        var family = Family.New();
        var number = await clerk.FileApplicationAsync(family);

        // The queue: a count, the office, the masked visitor, the deadline.
        var row = await reviewer.QueueRowAsync(number);
        await Assertions.Expect(reviewer.Page.Locator("#queue-count")).ToContainTextAsync("件待复核");
        await Assertions.Expect(row).ToContainTextAsync(family.InmateName);
        await Assertions.Expect(row).ToContainTextAsync(ThisOffice);
        await Assertions.Expect(row).ToContainTextAsync(Mask.IdNumber(family.IdNumber));
        await Assertions.Expect(row).Not.ToContainTextAsync(family.IdNumber);
        await Assertions.Expect(row.Locator(".deadline")).ToHaveTextAsync(ReviewPages.MinuteOfDay());

        // Sorted by office it is still there; filtered to the county's other office it is not.
        await reviewer.OpenAsync("/Review?order=Office", ReviewPages.Queue);
        await Assertions.Expect(reviewer.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = number })).ToHaveCountAsync(1);
        await reviewer.OpenAsync("/Review?office=" + Orgs.OtherOfficeOfCounty, ReviewPages.Queue);
        await Assertions.Expect(reviewer.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = number })).ToHaveCountAsync(0);

        // The application as the reviewer sees it: masked, with the documents the counter checked.
        await reviewer.OpenDecisionAsync(number);
        var main = reviewer.Page.GetByRole(AriaRole.Main);
        await Assertions.Expect(main).ToContainTextAsync(Mask.IdNumber(family.IdNumber));
        await Assertions.Expect(main).Not.ToContainTextAsync(family.IdNumber);
        await Assertions.Expect(main).ToContainTextAsync("居民身份证、户口簿、近期生活照");

        // A double submit: the approval form sent twice at once, then clicked — one decision, the same answer each time.
        var twice = await Task.WhenAll(reviewer.PostShownFormAsync("form.approve"), reviewer.PostShownFormAsync("form.approve"));
        Assert.All(twice, location => Assert.Equal("/Review?approved=" + number, location));
        await reviewer.Page.GetByRole(AriaRole.Button, new() { Name = "同意", Exact = true }).ClickAsync();
        await reviewer.ExpectPageAsync(ReviewPages.Queue);
        await Assertions.Expect(reviewer.Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"已同意申请 {number}");
        await Assertions.Expect(reviewer.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = number })).ToHaveCountAsync(0);

        // The next step, as the clerk's list shows it: on to the prison.
        await clerk.ClerkRowWithStatusAsync(number, "县司法局已同意，待监狱审批");
    }

    [Fact]
    public async Task ARejectionNeedsACodedReasonBesideItsFieldAndTheClerkSeesItWhileTheFamilysSmsLeavesTheNoteOut()
    {
        await using var clerk = await ConsoleSession.SignInAsync(system, system.Accounts.Take("clerk", Orgs.Office));
        await using var reviewer = await ConsoleSession.SignInAsync(system, system.Accounts.Take("reviewer", Orgs.Bureau));
        var family = Family.New();
        var number = await clerk.FileApplicationAsync(family);
        await reviewer.OpenDecisionAsync(number);

        // No reason chosen: the service's refusal beside the reasons, in the summary by its Chinese label; the note kept.
        const string note = "户口簿复印件字迹不清，请家属携原件到司法所补交";
        await reviewer.RejectAsync(reasonName: null, note);
        await reviewer.ExpectPageAsync(ReviewPages.Decision);
        var beside = (await reviewer.Page.Locator("[data-valmsg-for='Rejection.ReasonCode']").InnerTextAsync()).Trim();
        Assert.NotEmpty(beside);
        await Assertions.Expect(reviewer.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("不同意的原因：" + beside);
        await Assertions.Expect(reviewer.Field("Rejection.Note")).ToHaveValueAsync(note);

        await reviewer.RejectAsync("证明材料不齐全", note);
        await reviewer.ExpectPageAsync(ReviewPages.Queue);
        await Assertions.Expect(reviewer.Page.GetByRole(AriaRole.Status)).ToContainTextAsync($"已决定不同意申请 {number}");

        await clerk.ClerkRowWithStatusAsync(number, "县司法局未同意");

        // The family's SMS gives the reason's kind in one neutral sentence, never the reviewer's note.
        var texts = await SmsUntilAsync(family.Phone, text => text.Contains(SmsReasons.ApplicationDetails, StringComparison.Ordinal));
        Assert.DoesNotContain(texts, text => text.Contains(note, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheCountyAgendaShowsADayAndAWeekAndTheOverdueListRenders()
    {
        await using var reviewer = await ConsoleSession.SignInAsync(system, system.Accounts.Take("reviewer", Orgs.Bureau));
        await reviewer.OpenAsync("/Review/Agenda?date=2026-03-04", "本县会见日程（日）");
        await Assertions.Expect(reviewer.Page.Locator("section.agenda-day")).ToHaveCountAsync(1);
        await Assertions.Expect(reviewer.Page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync(["2026年3月4日 星期三"]);

        await reviewer.Page.GetByRole(AriaRole.Link, new() { Name = "看整周" }).ClickAsync();
        await reviewer.ExpectPageAsync("本县会见日程（周）");
        var days = reviewer.Page.Locator("section.agenda-day h2");
        await Assertions.Expect(days).ToHaveCountAsync(7);
        await Assertions.Expect(days.First).ToHaveTextAsync("2026年3月2日 星期一");
        await Assertions.Expect(days.Last).ToHaveTextAsync("2026年3月8日 星期日");

        await reviewer.OpenAsync("/Review/Overdue", "超期未复核");
    }

    /// <summary>The texts to <paramref name="phone"/> once one matches (the SMS follows the decision's event); fails after a minute's polls.</summary>
    private async Task<IReadOnlyList<string>> SmsUntilAsync(string phone, Func<string, bool> arrived)
    {
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        for (var attempt = 0; attempt < 120; attempt++)
        {
            var texts = await system.SmsTextsToAsync(phone);
            if (texts.Any(arrived))
            {
                return texts;
            }

            await poll.WaitForNextTickAsync();
        }

        Assert.Fail($"no SMS as expected reached {phone}: {string.Join(" | ", await system.SmsTextsToAsync(phone))}");
        return [];
    }
}
