namespace Visitation.Messaging;

/// <summary>
/// Told when a dispatcher instance begins a round (it holds the dispatch lock) and when that round
/// is about to commit (the last moment it surely still holds the lock, which the commit releases). Services set none; the messaging library's tests set one on each of two
/// dispatchers over one database to show that their rounds never overlap.
/// </summary>
internal interface IOutboxRoundObserver
{
    void RoundStarted();

    void RoundCommitting();
}
