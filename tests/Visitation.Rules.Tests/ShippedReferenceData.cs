using Microsoft.Extensions.Configuration;
using Visitation.Rules.Calendars;
using Visitation.Rules.ReferenceData;
using Visitation.Workflow.ReferenceData;
using Xunit;

namespace Visitation.Rules.Tests;

/// <summary>
/// The reference data the services load: the JSON under <c>deploy/reference-data</c>, which
/// Visitation.Workflow's build copies beside every binary that references it (these tests too),
/// read by the services' own loader with no <c>ReferenceData:Path</c> set, exactly as a service
/// starts. A test that checks these values therefore checks what production decides with.
/// </summary>
internal static class ShippedReferenceData
{
    /// <summary>The one prison the shipped data describes (永济监狱).</summary>
    public const string Yongji = "yongji-prison";

    private static readonly Lazy<ReferenceDataSet> Loaded =
        new(() => ReferenceDataLoader.Load(new ConfigurationBuilder().Build()));

    public static ReferenceDataSet Set => Loaded.Value;

    /// <summary>The folder the loader read, for tests that need a file's raw text.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "reference-data");

    public static PrisonCalendars Calendars { get; } = new(Set);

    /// <summary>Every year's holidays as the services hand them to the calendar rules: published notices, computed statutory days elsewhere.</summary>
    public static IReadOnlyList<HolidayCalendar> Holidays => Set.HolidayCalendars();

    /// <summary>One published year; fails loudly if the year's file is missing.</summary>
    public static HolidayCalendar HolidaysOf(int year) => Assert.Single(Holidays, h => h.Year == year);

    /// <summary>A Yongji area's video calendar as the services build it, exceptions included.</summary>
    public static AreaVideoCalendar YongjiArea(string area) =>
        Calendars.Area(Yongji, area) ?? throw new ArgumentException($"The shipped data has no Yongji area '{area}'.", nameof(area));
}
