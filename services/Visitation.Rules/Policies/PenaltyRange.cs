namespace Visitation.Rules.Policies;

/// <summary>
/// How many months visits are suspended after a terminated visit, both ends inclusive. The
/// documents give a range for ordinary cases ("1至3个月") and a fixed length for graver ones, which
/// is a range with equal ends.
/// </summary>
public sealed record PenaltyRange(int MinMonths, int MaxMonths)
{
    public bool Allows(int months) => months >= MinMonths && months <= MaxMonths;
}
