/**
 * Stoffkartotek (FUA § 2-1, § 2-2) and the exposure register (FUA § 31-1) over HTTP. Deny by
 * default: every route names its roles; within them the unit decides (see `stoff.service.ts`), and
 * what the user may not see is a 404. BHT has no access (sharing with the BHT is not built).
 */
import {
  ExposureCreateSchema,
  ExposureEndSchema,
  ExposureListSchema,
  IdParamsSchema,
  ProductCreateSchema,
  ProductListSchema,
  ProductSchema,
  ProductUpdateSchema,
  SdsParamsSchema,
} from '../../contracts/risiko/stoff.schemas.ts';
import { attachmentDisposition } from '../../domain/files/sniff.ts';
import { access, defineRoute } from '../../platform/route.ts';
import {
  addExposure,
  addSds,
  createProduct,
  endExposure,
  exposureCsv,
  getProduct,
  listExposures,
  listProducts,
  readSds,
  refuseExposureDeletion,
  updateProduct,
} from './stoff.service.ts';
import { readSdsForm } from './upload.ts';

/** Who reads the stoffkartotek (each only their units/areas; an employee their own unit). */
const READERS = access.roles('admin', 'hr', 'leder', 'verneombud', 'ansatt');
/** Who edits it (a leader only for the units they lead). */
const EDITORS = access.roles('admin', 'hr', 'leder');

const B = '/api/v1/risiko/stoffkartotek';
const E = '/api/v1/risiko/eksponering';
const tags = ['risiko'];

export function stoffRoutes() {
  return [
    defineRoute({
      method: 'GET',
      url: B,
      summary: 'Stoffkartoteket (produktene brukeren kan lese)',
      tags,
      access: READERS,
      response: ProductListSchema,
      async handler(_input, { db, actor }) {
        return listProducts(db, actor);
      },
    }),
    defineRoute({
      method: 'POST',
      url: B,
      summary: 'Nytt produkt i stoffkartoteket',
      tags,
      access: EDITORS,
      body: ProductCreateSchema,
      response: ProductSchema,
      status: 201,
      async handler({ body }, { db, actor }) {
        return createProduct(db, actor, body);
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${B}/:id`,
      summary: 'Ett produkt med sikkerhetsdatablader og eksponeringsregister',
      tags,
      access: READERS,
      params: IdParamsSchema,
      response: ProductSchema,
      async handler({ params }, { db, actor }) {
        return getProduct(db, actor, params.id);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: `${B}/:id`,
      summary: 'Endre et produkt',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      body: ProductUpdateSchema,
      response: ProductSchema,
      async handler({ params, body }, { db, actor }) {
        return updateProduct(db, actor, params.id, body);
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${B}/:id/datablad`,
      summary: 'Last opp sikkerhetsdatablad (PDF); feltene «revisionDate» og «sds»',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      body: 'multipart',
      response: ProductSchema,
      status: 201,
      async handler({ params, body }, { db, actor }) {
        const file = await readSdsForm(body);
        return addSds(db, actor, params.id, file);
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${B}/:id/datablad/:sdsId`,
      summary: 'Last ned et sikkerhetsdatablad',
      tags,
      access: READERS,
      params: SdsParamsSchema,
      response: 'binary',
      async handler({ params }, { db, actor, reply }) {
        const file = await readSds(db, actor, params.id, params.sdsId);
        reply
          .type('application/pdf')
          .header('content-disposition', attachmentDisposition(file.filename))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store');
        return file.data;
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${B}/:id/eksponering`,
      summary: 'Registrer en arbeidstaker som er eller kan bli eksponert (CMR, FUA § 31-1)',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      body: ExposureCreateSchema,
      response: ProductSchema,
      status: 201,
      async handler({ params, body }, { db, actor }) {
        return addExposure(db, actor, params.id, body);
      },
    }),
    defineRoute({
      method: 'GET',
      url: E,
      summary: 'Eksponeringsregisteret (en arbeidstaker ser bare sine egne rader)',
      tags,
      access: READERS,
      response: ExposureListSchema,
      async handler(_input, { db, actor }) {
        return listExposures(db, actor);
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${E}.csv`,
      summary: 'Eksponeringsregisteret som CSV (til overføring til Arbeidstilsynet)',
      tags,
      access: EDITORS,
      response: 'binary',
      async handler(_input, { db, actor, reply }) {
        const csv = await exposureCsv(db, actor);
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', attachmentDisposition('eksponeringsregister.csv'))
          .header('cache-control', 'private, no-store');
        return csv;
      },
    }),
    defineRoute({
      method: 'PUT',
      url: `${E}/:id/slutt`,
      summary: 'Eksponeringen er avsluttet (oppbevaringstiden begynner å løpe)',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      body: ExposureEndSchema,
      response: ProductSchema,
      async handler({ params, body }, { db, actor }) {
        return endExposure(db, actor, params.id, body);
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: `${E}/:id`,
      summary: 'Sletting er sperret: 409 med regelen (FUA § 31-1, 60/5 år)',
      tags,
      access: EDITORS,
      params: IdParamsSchema,
      response: ProductSchema,
      async handler({ params }, { db, actor }) {
        return refuseExposureDeletion(db, actor, params.id);
      },
    }),
  ];
}
