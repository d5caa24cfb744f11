namespace Visitation.Messaging;

/// <summary>
/// An event arrived before the one it builds on (e.g. a visit's confirmation before the application
/// it belongs to). Nothing is wrong with it and waiting normally cures it, so it comes back from the
/// delayed-redelivery schedule more often than a plain fault before it is parked in <c>_error</c>.
/// </summary>
public sealed class PrerequisiteMissingException : Exception
{
    public PrerequisiteMissingException()
    {
    }

    public PrerequisiteMissingException(string message)
        : base(message)
    {
    }

    public PrerequisiteMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
