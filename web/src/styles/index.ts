// Aksel's CSS without its CDN fonts (see docs: stack-notes §4), in the order of @navikt/ds-css/dist/index.css.
import '@navikt/ds-css/dist/global/reset.css';
import '@navikt/ds-css/dist/global/tokens.css';
import '@navikt/ds-css/dist/global/baseline.css';
import '@navikt/ds-css/dist/global/print.css';
import './fonts.css';
import '@navikt/ds-css/dist/components.css';
import './app.css';
