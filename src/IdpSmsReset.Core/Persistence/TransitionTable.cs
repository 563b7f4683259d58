using System.Linq.Expressions;

namespace IdpSmsReset.Core.Persistence;

/// <summary>
/// A state machine's transition table: from which states each trigger may move a row, and where it leads. It is data,
/// so every guarded update is built from it (<see cref="IsAllowed"/>: the condition the database checks inside the
/// update itself) and the unit tests read it. Every trigger must have its row: a table missing one is refused when it
/// is built, not when the trigger first fires.
/// </summary>
public sealed class TransitionTable<TEntity, TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly Dictionary<TTrigger, Move> _moves;
    private readonly Dictionary<TTrigger, Expression<Func<TEntity, bool>>> _guards;

    public TransitionTable(Expression<Func<TEntity, TState>> state, IReadOnlyDictionary<TTrigger, (TState[] From, TState To)> moves)
    {
        var missing = Enum.GetValues<TTrigger>().Where(trigger => !moves.ContainsKey(trigger)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"The {typeof(TEntity).Name} transition table has no row for {string.Join(", ", missing)}.",
                nameof(moves));
        }

        _moves = moves.ToDictionary(entry => entry.Key, entry => new Move(entry.Value.From, entry.Value.To));
        _guards = _moves.ToDictionary(entry => entry.Key, entry => StateGuard.In(state, entry.Value.From));
    }

    public IReadOnlyList<TState> From(TTrigger trigger) => Row(trigger).From;

    public TState To(TTrigger trigger) => Row(trigger).To;

    public bool Allows(TState state, TTrigger trigger) => Row(trigger).From.Contains(state);

    /// <summary>The row's state is one <paramref name="trigger"/> may leave, as SQL the database checks in the update itself.</summary>
    public Expression<Func<TEntity, bool>> IsAllowed(TTrigger trigger) =>
        _guards.TryGetValue(trigger, out var guard) ? guard : throw Unknown(trigger);

    private Move Row(TTrigger trigger) => _moves.TryGetValue(trigger, out var move) ? move : throw Unknown(trigger);

    private static ArgumentOutOfRangeException Unknown(TTrigger trigger) =>
        new(nameof(trigger), trigger, $"{trigger} is not a {typeof(TEntity).Name} transition.");

    private sealed record Move(TState[] From, TState To);
}
