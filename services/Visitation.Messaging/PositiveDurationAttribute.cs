using System.ComponentModel.DataAnnotations;

namespace Visitation.Messaging;

/// <summary>
/// An interval, delay or retention that must be longer than zero: a zero or negative one would make
/// a loop spin, a retry fire at once or a clean-up delete what was just sent. Checked at start-up.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PositiveDurationAttribute() : ValidationAttribute("{0} must be a duration longer than zero.")
{
    public override bool IsValid(object? value) => value is TimeSpan duration && duration > TimeSpan.Zero;
}
