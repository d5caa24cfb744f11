namespace Visitation.Rules.Visits;

/// <summary>
/// The talking time of one video visit across its connections. An interrupted call is reconnected
/// for the remaining time only, so the total never exceeds the visit's minutes [N§15]; staff may
/// neither lengthen nor shorten it [N§16], which is why the allowance is fixed when the call starts.
/// </summary>
/// <param name="AllowedMinutes">The visit's length as approved (30, or 40 for juvenile inmates in Ningxia).</param>
/// <param name="Used">Talking time of the connections already closed.</param>
/// <param name="ConnectedSince">When the current connection began; null while not connected.</param>
public sealed record CallTime(int AllowedMinutes, TimeSpan Used, DateTimeOffset? ConnectedSince)
{
    public static CallTime NotStarted(int allowedMinutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(allowedMinutes);
        return new CallTime(allowedMinutes, TimeSpan.Zero, null);
    }

    public TimeSpan Allowed => TimeSpan.FromMinutes(AllowedMinutes);

    public bool Connected => ConnectedSince is not null;

    /// <summary>Talking time up to <paramref name="now"/>, never more than allowed: the call is due to end when the allowance is spent.</summary>
    public TimeSpan UsedAt(DateTimeOffset now)
    {
        // Clocks of two instances may differ by a little: a connection never counts negative time.
        var current = ConnectedSince is { } since && now > since ? now - since : TimeSpan.Zero;
        var total = Used + current;
        return total < Allowed ? total : Allowed;
    }

    public TimeSpan RemainingAt(DateTimeOffset now) => Allowed - UsedAt(now);

    /// <summary>When the current connection must end; null while not connected.</summary>
    public DateTimeOffset? EndsAt => ConnectedSince + (Allowed - Used);

    /// <summary>Opens a connection (the first, or a reconnection) for what is left of the allowance.</summary>
    /// <exception cref="InvalidOperationException">Already connected, or no time is left.</exception>
    public CallTime Connect(DateTimeOffset now)
    {
        if (Connected)
            throw new InvalidOperationException("The call is already connected.");
        if (RemainingAt(now) <= TimeSpan.Zero)
            throw new InvalidOperationException("The visit's minutes are used up.");
        return this with { ConnectedSince = now };
    }

    /// <summary>Closes the current connection (an interruption or the end), banking its talking time.</summary>
    public CallTime Disconnect(DateTimeOffset now) =>
        Connected ? this with { Used = UsedAt(now), ConnectedSince = null } : this;

    /// <summary>Whole minutes used, a begun minute counting as one, for the record and the quota ledger.</summary>
    public int MinutesUsedAt(DateTimeOffset now) => (int)Math.Ceiling(UsedAt(now).TotalSeconds / 60);
}
