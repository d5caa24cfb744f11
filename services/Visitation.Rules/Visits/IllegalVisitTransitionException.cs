namespace Visitation.Rules.Visits;

/// <summary>
/// An action the visit's status does not allow (starting a call nobody checked in for, cancelling a
/// completed visit). The message is Chinese, for the staff who asked; the API answers it as a failed
/// precondition, since the request itself was well formed.
/// </summary>
public sealed class IllegalVisitTransitionException : InvalidOperationException
{
    public IllegalVisitTransitionException(VisitStatus from, VisitAction action)
        : base(VisitTransitions.Refusal(from, action))
    {
        From = from;
        Action = action;
    }

    public IllegalVisitTransitionException()
    {
    }

    public IllegalVisitTransitionException(string message)
        : base(message)
    {
    }

    public IllegalVisitTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public VisitStatus From { get; }

    public VisitAction Action { get; }
}
