using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Corpus.WorkflowStateMachine;

public enum OrderState
{
    Draft,
    Submitted,
    Approved,
    Rejected,
    Shipped,
    Delivered,
    Cancelled,
}

public enum OrderTrigger
{
    Submit,
    Approve,
    Reject,
    Ship,
    Deliver,
    Cancel,
}

public sealed record Transition(OrderState From, OrderTrigger Trigger, OrderState To, DateTimeOffset At, string? Actor);

public sealed class InvalidTransitionException(OrderState state, OrderTrigger trigger)
    : InvalidOperationException($"cannot {trigger} an order that is {state}")
{
    public OrderState State { get; } = state;
    public OrderTrigger Trigger { get; } = trigger;
}

/// <summary>An order's lifecycle as a tuple switch; transitions are serialized by the order's lock.</summary>
public sealed class OrderWorkflow
{
    private readonly object _transitionGate = new();
    private readonly List<Transition> _history = [];
    private OrderState _state = OrderState.Draft;

    public OrderWorkflow(Guid orderId, decimal total)
    {
        OrderId = orderId;
        Total = total;
    }

    public Guid OrderId { get; }
    public decimal Total { get; }
    public event Action<Transition>? Transitioned;

    public OrderState State
    {
        get
        {
            lock (_transitionGate)
            {
                return _state;
            }
        }
    }

    public static OrderState? Next(OrderState state, OrderTrigger trigger, decimal total) => (state, trigger) switch
    {
        (OrderState.Draft, OrderTrigger.Submit) => OrderState.Submitted,
        (OrderState.Submitted, OrderTrigger.Approve) when total < 10_000m => OrderState.Approved,
        (OrderState.Submitted, OrderTrigger.Approve) => null, // large orders need the manual path
        (OrderState.Submitted, OrderTrigger.Reject) => OrderState.Rejected,
        (OrderState.Approved, OrderTrigger.Ship) => OrderState.Shipped,
        (OrderState.Shipped, OrderTrigger.Deliver) => OrderState.Delivered,
        (OrderState.Draft or OrderState.Submitted or OrderState.Approved, OrderTrigger.Cancel) => OrderState.Cancelled,
        _ => null,
    };

    public bool CanFire(OrderTrigger trigger)
    {
        lock (_transitionGate)
        {
            return Next(_state, trigger, Total) is not null;
        }
    }

    public Transition Fire(OrderTrigger trigger, string? actor = null)
    {
        Transition transition;
        lock (_transitionGate)
        {
            var next = Next(_state, trigger, Total) ?? throw new InvalidTransitionException(_state, trigger);
            transition = new Transition(_state, trigger, next, DateTimeOffset.UtcNow, actor);
            _history.Add(transition);
            _state = next;
        }

        Transitioned?.Invoke(transition);
        return transition;
    }

    public bool TryFire(OrderTrigger trigger, out Transition? transition, string? actor = null)
    {
        try
        {
            transition = Fire(trigger, actor);
            return true;
        }
        catch (InvalidTransitionException)
        {
            transition = null;
            return false;
        }
    }

    public IReadOnlyList<OrderTrigger> PermittedTriggers()
    {
        lock (_transitionGate)
        {
            var state = _state;
            return Enum.GetValues<OrderTrigger>().Where(trigger => Next(state, trigger, Total) is not null).ToArray();
        }
    }

    public TimeSpan? TimeIn(OrderState state)
    {
        lock (_transitionGate)
        {
            var entered = _history.LastOrDefault(t => t.To == state);
            if (entered is null)
            {
                return null;
            }

            var left = _history.FirstOrDefault(t => t.From == state && t.At >= entered.At);
            return (left?.At ?? DateTimeOffset.UtcNow) - entered.At;
        }
    }

    public static string Describe(OrderState state) => state switch
    {
        OrderState.Draft => "being edited",
        OrderState.Submitted or OrderState.Approved => "in progress",
        OrderState.Shipped => "on its way",
        OrderState.Delivered => "done",
        OrderState.Rejected or OrderState.Cancelled => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}

/// <summary>Many workflows: the board lock, then one workflow's lock (through its methods).</summary>
public sealed class OrderBoard
{
    private readonly object _boardGate = new();
    private readonly Dictionary<Guid, OrderWorkflow> _orders = new();

    public OrderWorkflow Create(decimal total)
    {
        var workflow = new OrderWorkflow(Guid.NewGuid(), total);
        lock (_boardGate)
        {
            _orders.Add(workflow.OrderId, workflow);
        }

        return workflow;
    }

    public IReadOnlyDictionary<OrderState, int> CountByState()
    {
        lock (_boardGate)
        {
            return _orders.Values.GroupBy(order => order.State).ToDictionary(group => group.Key, group => group.Count());
        }
    }

    public int CancelDrafts()
    {
        lock (_boardGate)
        {
            return _orders.Values.Count(order => order.State == OrderState.Draft && order.TryFire(OrderTrigger.Cancel, out _, "system"));
        }
    }
}
