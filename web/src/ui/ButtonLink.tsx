/**
 * A link that looks like an Aksel button. Aksel gives `<Button as="a">` the role "button"; a link
 * that goes to another page should stay a link for screen readers, so the role is set back.
 */
import { Button, type ButtonProps } from '@navikt/ds-react';
import { Link } from 'react-router';

type Props = Omit<ButtonProps, 'as' | 'role'> & { to: string };

export function ButtonLink({ to, ...rest }: Props) {
  return <Button as={Link} to={to} role="link" {...rest} />;
}
