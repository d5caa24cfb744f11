using Visitation.Contracts.Events;
using Visitation.PrisonApproval.Data;
using Visitation.PrisonApproval.Features.Decide;

namespace Visitation.IntegrationTests.Register;

/// <summary>
/// The matching rule is written as a database query and as a test of one loaded entry (the queue's
/// page uses the second, so that no expression tree is compiled per task): both forms must agree.
/// </summary>
public sealed class InmateMatchingTests
{
    public static TheoryData<string, string, string, string?, bool> Cases => new()
    {
        // register name, register area, family's name, family's area, fits
        { "王小明", "一监区", "王小明", null, true },
        { "王小明", "一监区", "王小明", "", true },
        { "王小明", "一监区", "王小明", "一监区", true },
        { "王小明", "一监区", "王小明", "二监区", false },
        { "王小明", "一监区", "王晓明", null, false },
        { "王小明", "一监区", "王晓明", "一监区", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TheQueryAndTheLoadedEntryTestAgree(string name, string area, string describedName, string? describedArea, bool fits)
    {
        var inmate = new Inmate { Name = name, Area = area, PrisonId = "p" };
        var application = new ApplicationDetails(Guid.NewGuid(), "o", "c", "v", describedName, "p", describedArea, "2026-03", new DateOnly(2026, 2, 2), []);

        Assert.Equal(fits, InmateMatching.Fits(inmate, application));
        Assert.Equal(fits, InmateMatching.Candidates(new[] { inmate }.AsQueryable(), application).Any());
    }
}
