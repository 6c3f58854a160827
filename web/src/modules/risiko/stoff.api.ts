/**
 * The stoffkartotek and the exposure register as the web app uses them
 * (`/api/v1/risiko/stoffkartotek/…`, `/api/v1/risiko/eksponering`). Types from the server's zod
 * schemas (type-only imports). Every write refreshes everything under `risikoKey`.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ExposureCreate,
  ExposureList,
  Product,
  ProductCreate,
  ProductList,
  ProductUpdate,
} from '../../../../src/contracts/risiko/stoff.schemas.ts';
import { API_BASE, api } from '../../api/client.ts';
import { risikoKey } from './api.ts';

export type { ExposureList, Product, ProductList };
export type Exposure = Product['exposures'][number];

const productsKey = [...risikoKey, 'stoff'] as const;
const productKey = (id: string) => [...productsKey, id] as const;
const exposuresKey = [...productsKey, 'eksponering'] as const;
const S = '/risiko/stoffkartotek';

export const sdsHref = (productId: string, sdsId: string) => `${API_BASE}${S}/${productId}/datablad/${sdsId}`;
export const exposureCsvHref = `${API_BASE}/risiko/eksponering.csv`;

export function useProducts() {
  return useQuery({
    queryKey: productsKey,
    queryFn: ({ signal }) => api.get<ProductList>(S, undefined, signal),
  });
}

export function useProduct(id: string) {
  return useQuery({
    queryKey: productKey(id),
    queryFn: ({ signal }) => api.get<Product>(`${S}/${id}`, undefined, signal),
  });
}

export function useExposures() {
  return useQuery({
    queryKey: exposuresKey,
    queryFn: ({ signal }) => api.get<ExposureList>('/risiko/eksponering', undefined, signal),
  });
}

export function useStoffWrites() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: risikoKey });
  const store = async (p: Product) => {
    queryClient.setQueryData(productKey(p.id), p);
    await refresh();
  };
  return {
    create: useMutation({
      mutationFn: (body: ProductCreate) => api.post<Product>(S, body),
      onSuccess: store,
    }),
    update: useMutation({
      mutationFn: ({ id, ...body }: ProductUpdate & { id: string }) => api.put<Product>(`${S}/${id}`, body),
      onSuccess: store,
    }),
    uploadSds: useMutation({
      mutationFn: ({ id, revisionDate, file }: { id: string; revisionDate: string; file: File }) => {
        const form = new FormData();
        form.append('revisionDate', revisionDate);
        form.append('sds', file, file.name);
        return api.upload<Product>(`${S}/${id}/datablad`, form);
      },
      onSuccess: store,
    }),
    addExposure: useMutation({
      mutationFn: ({ id, ...body }: ExposureCreate & { id: string }) =>
        api.post<Product>(`${S}/${id}/eksponering`, body),
      onSuccess: store,
    }),
    endExposure: useMutation({
      mutationFn: ({ id, ...body }: { id: string; version: number; endedOn: string }) =>
        api.put<Product>(`/risiko/eksponering/${id}/slutt`, body),
      onSuccess: store,
    }),
  };
}
