/** The outcome line of a console action: a status when it worked, an alert when it did not. */
export interface ActionMessage {
  ok: boolean;
  text: string;
}

export function StatusMessage({ message }: { message: ActionMessage | null }) {
  if (!message) return null;
  return (
    <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'admin-message' : 'admin-error'}>
      {message.text}
    </p>
  );
}
