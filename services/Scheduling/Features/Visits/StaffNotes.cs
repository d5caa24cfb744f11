using Visitation.ServiceDefaults.Grpc;

namespace Visitation.Scheduling.Features.Visits;

/// <summary>The free-text note an officer adds to an interruption or a termination.</summary>
public static class StaffNotes
{
    private const int MaxLength = 200;

    public static void Check(FieldViolations violations, string note)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (note.Length > MaxLength)
        {
            violations.Add("note", "说明不超过200字");
        }
    }

    /// <summary>The note as stored: trimmed, or none when blank.</summary>
    public static string? OrNull(string note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}
