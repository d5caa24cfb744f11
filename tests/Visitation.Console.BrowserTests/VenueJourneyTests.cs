using Microsoft.Playwright;
using Visitation.Console.BrowserTests.Infrastructure;
using Visitation.Console.BrowserTests.PageObjects;
using Visitation.Contracts.Grpc.Application;
using Visitation.Contracts.Grpc.Scheduling;

namespace Visitation.Console.BrowserTests;

/// <summary>
/// The county venue's staff on the day of a visit, in the browser: the day's visits, check-in against
/// the booked visitors (a stranger's ID number refused beside its field), the call as the prison runs
/// it, and the printed day list; another venue's staff cannot see this venue's visit by its address.
/// The visit is booked in March while the run's clock says 2 February, so the class has a system of
/// its own (<see cref="VenueDay"/>) whose scheduling service is then restarted on the visit's day:
/// the run's shared system stays on the application day for the other classes.
/// </summary>
public sealed class VenueJourneyTests(VenueJourneyTests.VenueDay day) : IClassFixture<VenueJourneyTests.VenueDay>
{
    [Fact]
    public async Task VenueStaffCheckTheBookedFamilyInRefusingAStrangersIdNumberThenSeeTheCallEndAndTheClerkSeesTheVisitHeld()
    {
        var system = day.System;
        var visit = day.Booked.Visit;
        var family = day.Booked.Family;
        await using var session = await ConsoleSession.SignInAsync(system, system.Accounts.Take("venue", Orgs.Venue));
        var venue = new VenuePages(session);

        await venue.OpenDayAsync(visit.Date);
        var row = venue.RowOf(visit.VisitId);
        await Assertions.Expect(row).ToContainTextAsync(visit.StartTime);
        await Assertions.Expect(row).ToContainTextAsync(visit.VenueTerminal);
        await Assertions.Expect(row).ToContainTextAsync(family.VisitorName);
        await Assertions.Expect(row).ToContainTextAsync("待签到");

        await venue.OpenVisitAsync(visit.VisitId);
        await Assertions.Expect(venue.Main).ToContainTextAsync(family.IdNumber[..4] + "**********" + family.IdNumber[^4..]);
        await Assertions.Expect(venue.Main).Not.ToContainTextAsync(family.IdNumber);

        // Someone else's (valid) ID card: refused beside the row, in Chinese, and the visit not checked in.
        var stranger = Family.New().IdNumber;
        await venue.CheckInAsync(stranger);
        Assert.Contains("不是本次会见预约的会见人", await venue.BesideFirstIdNumberAsync(), StringComparison.Ordinal);
        var summary = session.Page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToContainTextAsync("第1位会见人的身份证号：");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "#Form_IdNumbers_0_");
        await Assertions.Expect(session.Field("Form.IdNumbers[0]")).ToHaveValueAsync(stranger);
        await Assertions.Expect(venue.Status).ToHaveTextAsync("待签到");

        // The booked mother's card, sent twice (a retry of the same form): checked in once, both answered with the visit.
        await session.Field("Form.IdNumbers[0]").FillAsync(family.IdNumber);
        await session.Field("Form.IdentityChecked").CheckAsync();
        Assert.Equal(302, await PostTheShownFormAsync(session.Page, visit.VisitId));
        Assert.Equal(302, await PostTheShownFormAsync(session.Page, visit.VisitId));
        await venue.OpenVisitAsync(visit.VisitId);
        await Assertions.Expect(venue.Status).ToHaveTextAsync("已签到，待接通");
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Button, new() { Name = "确认签到" })).ToHaveCountAsync(0);

        // The prison runs the call; the venue's page follows it.
        var centre = new SchedulingService.SchedulingServiceClient(await system.Machines.AsAsync(system, "Scheduling", "scheduling", "officer", Orgs.Prison));
        await centre.StartVisitAsync(new VisitActionRequest { VisitId = visit.VisitId });
        await venue.OpenVisitAsync(visit.VisitId);
        await Assertions.Expect(venue.Status).ToHaveTextAsync("通话中");
        await centre.CompleteVisitAsync(new VisitActionRequest { VisitId = visit.VisitId });
        await venue.OpenVisitAsync(visit.VisitId);
        await Assertions.Expect(venue.Status).ToHaveTextAsync("会见结束");
        await Assertions.Expect(venue.Main).ToContainTextAsync("结束时间");
        await venue.OpenDayAsync(visit.Date);
        await Assertions.Expect(venue.RowOf(visit.VisitId)).ToContainTextAsync("会见结束");

        // What the next role sees: the clerk's application says the visit was held, its timeline ends with it.
        var applications = new ApplicationService.ApplicationServiceClient(await system.Machines.AsAsync(system, "Application", "application", "clerk", Orgs.Office));
        var held = await VenueBookedVisit.Until(async () =>
        {
            var application = await applications.GetApplicationAsync(new GetApplicationRequest { ApplicationId = day.Booked.ApplicationId });
            return application.Status == ApplicationStatus.Visited
                ? application
                : throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.FailedPrecondition, $"still {application.Status}"));
        }, "the clerk's application to say the visit was held");
        Assert.Equal(TimelineEvent.VisitCompleted, held.Timeline.Where(t => t.Event is not (TimelineEvent.SmsSent or TimelineEvent.SmsDelivered)).Last().Event);
    }

    [Fact]
    public async Task ThePrintedDayListShowsTheFamilyWithAMaskedNumberAndNoMenus()
    {
        var system = day.System;
        var visit = day.Booked.Visit;
        var family = day.Booked.Family;
        await using var session = await ConsoleSession.SignInAsync(system, system.Accounts.Take("venue", Orgs.Venue));
        await session.Page.EmulateMediaAsync(new() { Media = Media.Print });

        await new VenuePages(session).OpenDayListAsync(visit.Date);
        var list = session.Page.Locator("table.day-list");
        await Assertions.Expect(list).ToContainTextAsync(family.VisitorName);
        await Assertions.Expect(list).ToContainTextAsync(family.IdNumber[..4] + "**********" + family.IdNumber[^4..]);
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(family.IdNumber);
        await Assertions.Expect(session.Page.Locator("nav.menu")).ToBeHiddenAsync();
        await Assertions.Expect(session.Page.Locator("header.top")).ToBeHiddenAsync();
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Button, new() { Name = "打印名单" })).ToBeHiddenAsync();
        var pdf = await session.Page.PdfAsync();
        Assert.True(pdf.Length > 1000, "the day list printed to an empty document");
    }

    [Fact]
    public async Task AnotherVenuesStaffSeeNeitherTheVisitByItsAddressNorItOnTheirDay()
    {
        var system = day.System;
        var visit = day.Booked.Visit;
        await using var session = await ConsoleSession.SignInAsync(system, system.Accounts.Take("venue", Orgs.OtherVenue));
        var venue = new VenuePages(session);

        await venue.OpenVisitAsync(visit.VisitId);
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("没有找到该记录");
        await Assertions.Expect(venue.Main).Not.ToContainTextAsync(day.Booked.Family.VisitorName);
        await venue.OpenDayAsync(visit.Date);
        await Assertions.Expect(venue.RowOf(visit.VisitId)).ToHaveCountAsync(0);
        await new VenuePages(session).OpenDayListAsync(visit.Date);
        await Assertions.Expect(venue.Main).Not.ToContainTextAsync(day.Booked.Family.VisitorName);
    }

    /// <summary>Posts the check-in form the page shows, with its antiforgery token and the session's cookies; returns the answer's status.</summary>
    private static async Task<int> PostTheShownFormAsync(IPage page, string visitId)
    {
        var fields = await page.EvaluateAsync<string[][]>("() => [...new FormData(document.querySelector('form.check-in'))].map(([k, v]) => [k, String(v)])");
        var form = page.Context.APIRequest.CreateFormData();
        foreach (var field in fields)
        {
            form.Append(field[0], field[1]);
        }

        var response = await page.Context.APIRequest.PostAsync($"/Venue/Visit/{visitId}?handler=CheckIn", new() { Form = form, MaxRedirects = 0 });
        return response.Status;
    }

    /// <summary>
    /// The class's own system, a visit booked at the venue on it, and scheduling restarted on the visit's
    /// day ten minutes before the start (check-in closes at the start; a call may connect 15 minutes early).
    /// </summary>
    public sealed class VenueDay : IAsyncLifetime
    {
        // Only the accounts this class uses (and the two clerks and the reviewer every system names).
        public ConsoleSystem System { get; } = new(new AccountPool(
            [("clerk", Orgs.Office), ("reviewer", Orgs.Bureau), ("officer", Orgs.Prison), ("venue", Orgs.Venue), ("venue", Orgs.OtherVenue)], perPlace: 3));

        internal VenueBookedVisit Booked { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            await System.InitializeAsync();
            Booked = await VenueBookedVisit.BookAsync(System);
            await System.RestartAtAsync("Scheduling", Booked.Start.AddMinutes(-10));
        }

        public async ValueTask DisposeAsync() => await System.DisposeAsync();
    }
}
