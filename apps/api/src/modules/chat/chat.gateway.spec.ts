import type { ChatMessage } from '@orgo/contracts';
import { ChatGateway } from './chat.gateway';
import type { ChatMembershipService } from './chat-membership.service';
import type { ChatMessagesService } from './chat-messages.service';
import type { ChatReadService } from './chat-read.service';

/** A stand-in for the namespace's broadcast operator: records rooms, exclusions and emits. */
function fakeNamespace() {
  const calls: string[] = [];
  const payloads: unknown[] = [];
  const membership = { socketsJoin() {}, socketsLeave() {} };
  const operator = {
    except(id: string) {
      calls.push(`except ${id}`);
      return operator;
    },
    emit(event: string, payload: { id?: string }) {
      calls.push(`emit ${event} ${payload.id ?? ''}`.trim());
      payloads.push(payload);
      return true;
    },
  };
  const ns = {
    to(room: string) {
      calls.push(`to ${room}`);
      return operator;
    },
    in: () => ({ ...membership, local: membership }),
  };
  return { ns, calls, payloads };
}

function gateway(messages: Partial<ChatMessagesService> = {}) {
  const { ns, calls, payloads } = fakeNamespace();
  const g = new ChatGateway(
    {} as ChatMembershipService,
    messages as ChatMessagesService,
    {} as ChatReadService,
  );
  (g as unknown as { ns: unknown }).ns = ns;
  return { g, calls, payloads };
}

const message = { id: 'm1', roomId: 'r1' } as ChatMessage;

describe('ChatGateway relay: leave out the sending socket', () => {
  it('a message sent from a socket goes to its room except that socket', () => {
    const { g, calls } = gateway();
    g.messageCreated(message, { originSocketId: 'sock-A' });
    expect(calls).toEqual(['to room:r1', 'except sock-A', 'emit message.created m1']);
  });

  it('a message with no sending socket (REST) goes to every socket of the room', () => {
    const { g, calls } = gateway();
    g.messageCreated(message, {});
    expect(calls).toEqual(['to room:r1', 'emit message.created m1']);
  });

  it('message.send names its socket as the origin of the event', async () => {
    const postMessage = jest.fn().mockResolvedValue({ message, created: true });
    const { g } = gateway({ postMessage });
    const socket = { id: 'sock-A', data: { principal: { userId: 'u1' } } };
    const dto = { roomId: 'r1', clientMessageId: 'c1', text: 'hi' };
    await expect(g.send(socket as never, dto as never)).resolves.toEqual({
      ok: true,
      data: message,
    });
    expect(postMessage).toHaveBeenCalledWith('u1', dto, { originSocketId: 'sock-A' });
  });
});

describe('ChatGateway relay: wire shapes', () => {
  it('relays membership and room changes without the actor, which is for server consumers', () => {
    const { g, payloads } = gateway();
    const member = { user: { id: 'u2' }, role: 'member', lastReadSeq: 0, joinedAt: 't' };
    g.memberJoined({ roomId: 'r1', member, actorId: 'u1' } as never);
    g.memberLeft({ roomId: 'r1', userId: 'u2', actorId: 'u1' } as never);
    g.roomUpdated({ roomId: 'r1', name: 'n', ownerId: 'u1', actorId: 'u1' } as never);
    expect(payloads).toEqual([
      { roomId: 'r1', member },
      { roomId: 'r1' },
      { roomId: 'r1', userId: 'u2' },
      { roomId: 'r1', name: 'n', ownerId: 'u1' },
    ]);
  });
});
