namespace Visitation.Messaging.Tracing;

/// <summary>
/// Which of a service's calls change the records they name, as the service's own table of its RPCs
/// says (the access policy, registered by the service's shared code: messaging knows no RPC). A call
/// that changes an application is a step of its trace (<see cref="ApplicationTraceInterceptor"/>); a
/// read is not, whatever it is called.
/// </summary>
public interface ICallKinds
{
    /// <summary>
    /// True for a call listed as changing what it names (<paramref name="fullMethodName"/>:
    /// <c>/package.Service/Method</c>); false for a read, and for a call the table does not list
    /// (which the access policy refuses before it does anything).
    /// </summary>
    bool Changes(string fullMethodName);
}
