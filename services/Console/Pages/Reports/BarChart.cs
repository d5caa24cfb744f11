using System.Globalization;

namespace Visitation.Console.Pages.Reports;

/// <summary>One bar: its label, its value, the value as the table beside the chart writes it, and its series (a CSS class).</summary>
public sealed record ChartBar(string Label, double Value, string Display, int Series = 0);

/// <summary>
/// A horizontal bar chart drawn by the server as SVG (no script, no library): the geometry is computed
/// here and written as attributes, the colours come from reports.css, so the page keeps to the CSP. The
/// same bars are written as a table beside it, which is what a screen reader and a printout read.
/// </summary>
public sealed record BarChart(string Id, string Title, string ValueHeader, IReadOnlyList<ChartBar> Bars)
{
    public const int LabelWidth = 200;
    public const int PlotWidth = 320;
    public const int ValueWidth = 70;
    public const int BarHeight = 20;
    public const int Gap = 8;

    public int Width => LabelWidth + PlotWidth + ValueWidth;

    public int Height => (Bars.Count * (BarHeight + Gap)) + Gap;

    public static string Number(double value) => value.ToString(value % 1 == 0 ? "0" : "0.0", CultureInfo.InvariantCulture);

    public string Y(int index) => Number(Gap + (index * (BarHeight + Gap)));

    public string TextY(int index) => Number(Gap + (index * (BarHeight + Gap)) + (BarHeight * 0.7));

    /// <summary>The bar's length: the largest value fills the plot; a value above zero shows at least a sliver.</summary>
    public string BarWidth(ChartBar bar) => Number(Length(bar));

    public string ValueX(ChartBar bar) => Number(LabelWidth + Length(bar) + 6);

    private double Length(ChartBar bar)
    {
        ArgumentNullException.ThrowIfNull(bar);
        var largest = Bars.Count == 0 ? 0 : Bars.Max(b => b.Value);
        return largest <= 0 ? 0 : Math.Max(bar.Value > 0 ? 2 : 0, Math.Round(bar.Value / largest * PlotWidth, 1));
    }
}
